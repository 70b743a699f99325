import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AcceptedFinding } from '../../src/types/generated/accepted-findings.js';
import { acceptCurrent, ACCEPT_DAYS } from '../../src/verify/accept-current.js';
import { acceptedFileOf, applyAccepted, isoDay, loadAccepted } from '../../src/verify/accepted-findings.js';
import { refusal } from '../support/refusal.js';
import { checkResult, failure, verifyResult } from './result-fixture.js';

/**
 * targets/<name>.accepted.json without running verify: which failure an entry accepts (same
 * check, code and pointer, through its expiry day), what an expired one says, what an invalid
 * file tells the user, and how --accept-current merges a run's failures into the file.
 */
const dir = mkdtempSync(join(tmpdir(), 'harness-acceptance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = '2026-06-15';
const entry = (over: Partial<AcceptedFinding> = {}): AcceptedFinding => ({
  check: 'execute-shape',
  code: 'SCHEMA_MISMATCH',
  pointer: '/credits',
  reason: 'team decision',
  expires: TODAY,
  ...over,
});
const other = failure({ code: 'WRONG_STATUS', instancePath: '', message: 'expected 404' });
const failed = checkResult({ outcome: 'failed', failures: [failure(), other] });

describe('applying accepted findings', () => {
  it('an entry accepts the failure with its check, code and pointer through its expiry day', () => {
    expect(applyAccepted(failed, [entry(), entry({ code: 'WRONG_STATUS', pointer: '' })], TODAY)).toEqual({
      ...failed,
      outcome: 'passed',
      failures: [],
      accepted: [
        { failure: failure(), reason: 'team decision', expires: TODAY },
        { failure: other, reason: 'team decision', expires: TODAY },
      ],
    });
  });

  it('a failure not listed keeps the check failed beside the accepted one', () => {
    expect(applyAccepted(failed, [entry()], TODAY)).toEqual({
      ...failed,
      outcome: 'failed',
      failures: [other],
      accepted: [{ failure: failure(), reason: 'team decision', expires: TODAY }],
    });
  });

  it('an entry for another check, code or pointer accepts nothing: the check comes back unchanged', () => {
    const entries = [entry({ check: 'other' }), entry({ code: 'OTHER' }), entry({ pointer: '/other' })];
    expect(applyAccepted(failed, entries, TODAY)).toBe(failed);
    expect(applyAccepted(failed, [], TODAY)).toBe(failed);
    const passed = checkResult();
    expect(applyAccepted(passed, [entry()], TODAY)).toBe(passed);
  });

  it('an expired entry fails again, naming the latest day any entry accepted it', () => {
    const entries = [
      entry({ expires: '2026-06-01' }),
      entry({ expires: '2026-06-14' }),
      entry({ expires: '2026-05-01' }),
    ];
    expect(applyAccepted(failed, entries, TODAY)).toEqual({
      ...failed,
      failures: [
        { ...failure(), message: 'credits must be integer (its acceptance expired on 2026-06-14)' },
        other,
      ],
    });
    // One live entry among expired ones accepts it.
    expect(applyAccepted(failed, [...entries, entry()], TODAY).accepted).toHaveLength(1);
  });

  it('today is the UTC calendar day', () => {
    expect(isoDay(new Date('2026-06-15T23:59:59.999Z'))).toBe('2026-06-15');
    expect(isoDay(new Date('2026-06-16T00:00:00Z'))).toBe('2026-06-16');
  });
});

describe('the accepted-findings file', () => {
  it('sits beside the target profile as <name>.accepted.json; none is an empty list', () => {
    expect(acceptedFileOf('targets', 'staging')).toBe(join('targets', 'staging.accepted.json'));
    expect(loadAccepted(join(dir, 'absent.accepted.json'))).toEqual([]);
  });

  it('a file that is not JSON, or not the schema, is refused with what to fix', () => {
    const file = join(dir, 'broken.accepted.json');
    writeFileSync(file, '{ not json');
    const notJson = refusal(() => loadAccepted(file));
    expect(notJson.code).toBe('HARNESS_ERR_TARGET_INVALID');
    expect(notJson.message).toMatch(new RegExp(`^${file} is not JSON: .+`));
    expect(notJson.hint).toBe(
      'Fix the file, or delete it and rerun `harness verify --accept-current` to write it again.',
    );
    const noCode = { check: 'x', pointer: '', reason: 'r', expires: TODAY };
    writeFileSync(file, JSON.stringify({ accepted: [{ ...entry(), expires: 'soon' }, noCode] }));
    const invalid = refusal(() => loadAccepted(file));
    expect(invalid.code).toBe('HARNESS_ERR_TARGET_INVALID');
    expect(invalid.message).toBe(
      `${file} does not match schemas/accepted-findings.schema.json: /accepted/0/expires must match format "date"; /accepted/1 must have required property 'code'`,
    );
    expect(invalid.hint).toBe('Each entry needs check, code, pointer, reason and expires (YYYY-MM-DD).');
  });
});

describe('--accept-current', () => {
  const NOW = new Date(`${TODAY}T12:00:00Z`);
  const long = 'x'.repeat(200);
  const run = verifyResult([
    failed,
    checkResult({ id: 'b', outcome: 'failed', failures: [failure({ check: 'b', message: long })] }),
  ]);

  it(`writes each failure once for review, expiring in ${ACCEPT_DAYS} days`, () => {
    const file = join(dir, 'new.accepted.json');
    const twice = verifyResult([
      ...run.checks,
      checkResult({ id: 'c', outcome: 'failed', failures: [failure()] }),
    ]);
    const outcome = acceptCurrent(file, twice, NOW);
    const review = (message: string) =>
      `REVIEW: accepted from run run-7 (${message}); say why it is tolerated`;
    const added = [
      { ...entry(), reason: review('credits must be integer'), expires: '2026-07-15' },
      {
        ...entry({ code: 'WRONG_STATUS', pointer: '' }),
        reason: review('expected 404'),
        expires: '2026-07-15',
      },
      { ...entry({ check: 'b' }), reason: review('x'.repeat(160)), expires: '2026-07-15' },
    ];
    expect(outcome).toEqual({ file, added, kept: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      $schema: '../schemas/accepted-findings.schema.json',
      accepted: added,
    });
    expect(readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"\$schema"[^]*\n\}\n$/);
  });

  it('merges: live entries kept as written, an expired one accepted anew, the file left alone when nothing is new', () => {
    const file = join(dir, 'merge.accepted.json');
    const kept = [
      entry({ reason: 'by hand', expires: '2026-12-31' }),
      entry({ code: 'WRONG_STATUS', pointer: '', expires: '2026-06-14' }),
    ];
    writeFileSync(file, JSON.stringify({ accepted: kept }));
    const outcome = acceptCurrent(file, run, NOW);
    expect(outcome.kept).toBe(2);
    expect(outcome.added.map((e) => `${e.check} ${e.code}`)).toEqual([
      'execute-shape WRONG_STATUS',
      'b SCHEMA_MISMATCH',
    ]);
    expect(loadAccepted(file)).toEqual([...kept, ...outcome.added]);
    const before = readFileSync(file, 'utf8');
    expect(acceptCurrent(file, run, NOW)).toEqual({ file, added: [], kept: 4 });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a failure accepted through today is not added again, and the file is left exactly as written', () => {
    const file = join(dir, 'today.accepted.json');
    const listed = run.checks.flatMap((c) =>
      c.failures.map((f) => entry({ check: f.check, code: f.code, pointer: f.instancePath, expires: TODAY })),
    );
    const written = JSON.stringify({ accepted: listed });
    writeFileSync(file, written);
    expect(acceptCurrent(file, run, NOW)).toEqual({ file, added: [], kept: 3 });
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('a clean run still writes an empty list when there is no file, and an invalid file is never overwritten', () => {
    const file = join(dir, 'clean.accepted.json');
    expect(acceptCurrent(file, verifyResult([checkResult()]), NOW)).toEqual({ file, added: [], kept: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      $schema: '../schemas/accepted-findings.schema.json',
      accepted: [],
    });
    const invalid = join(dir, 'invalid.accepted.json');
    writeFileSync(invalid, '{"accepted":[{"check":"x"}]}');
    expect(refusal(() => acceptCurrent(invalid, run, NOW)).code).toBe('HARNESS_ERR_TARGET_INVALID');
    expect(readFileSync(invalid, 'utf8')).toBe('{"accepted":[{"check":"x"}]}');
    expect(existsSync(file)).toBe(true);
  });
});
