import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { contractSection } from '../../src/report/sections.js';
import { startEmbedded, type ResolvedTarget } from '../../src/target/index.js';
import type { AcceptedFinding } from '../../src/types/generated/accepted-findings.js';
import {
  acceptCurrent,
  CheckRunner,
  loadAccepted,
  printPretty,
  runVerify,
  toJUnit,
  type CheckResult,
  type VerifyResult,
} from '../../src/verify/index.js';

/**
 * targets/<name>.accepted.json against the reference with two faults: `mistyped-field` fails
 * execute-success, `wrong-status` fails not-found-workflow. Only the first is accepted.
 */
describe('accepted findings', () => {
  const TODAY = '2026-06-15';
  const config = {
    timeScale: 0.02,
    faults: ['mistyped-field', 'wrong-status'],
    seed: 3,
    reportsDir: 'reports',
  };
  let runner: CheckRunner;
  let target: ResolvedTarget;
  let plain: VerifyResult;
  const tmp = mkdtempSync(join(tmpdir(), 'harness-accepted-'));
  const verify = (accepted: readonly AcceptedFinding[], onCheck?: (c: CheckResult) => void) =>
    runVerify(config, target, {
      runner,
      write: false,
      accepted,
      today: TODAY,
      ...(onCheck ? { onCheck } : {}),
    });
  const byId = (result: VerifyResult, id: string): CheckResult => {
    const check = result.checks.find((c) => c.id === id);
    if (check === undefined) throw new Error(`no check ${id}`);
    return check;
  };
  const entriesFor = (id: string, expires: string): AcceptedFinding[] =>
    byId(plain, id).failures.map((f) => ({
      check: f.check,
      code: f.code,
      pointer: f.instancePath,
      reason: 'team decision',
      expires,
    }));

  beforeAll(async () => {
    runner = await CheckRunner.create({ only: ['execute-success', 'not-found-workflow'] });
    target = await startEmbedded(config);
    plain = await verify([]);
  }, 120_000);
  afterAll(async () => {
    await runner.close();
    await target.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('without a list both faults fail', () => {
    expect(byId(plain, 'execute-success').outcome).toBe('failed');
    expect(byId(plain, 'not-found-workflow').outcome).toBe('failed');
    expect(plain.summary.accepted).toBeUndefined();
  });

  it('an accepted finding no longer fails the run; a new, unlisted one still does', async () => {
    const streamed: CheckResult[] = [];
    const result = await verify(entriesFor('execute-success', TODAY), (c) => streamed.push(c));
    const accepted = byId(result, 'execute-success');
    expect(accepted).toMatchObject({ outcome: 'passed', failures: [] });
    expect(accepted.accepted?.map((a) => a.failure)).toEqual(byId(plain, 'execute-success').failures);
    expect(byId(result, 'not-found-workflow').outcome).toBe('failed');
    expect(result.summary).toMatchObject({ failed: 1, accepted: accepted.accepted?.length });
    // The streamed row already knows it is accepted.
    expect(streamed.find((c) => c.id === 'execute-success')?.outcome).toBe('passed');
    const console = printPretty(result);
    expect(console).toMatch(/^ACPT\s+execute-success .*\(\d+ accepted\)$/m);
    expect(console).toContain('≈ accepted [');
    expect(console).toMatch(/FAILED: 1 passed, 1 failed, 0 skipped, \d+ accepted finding/);
    const junit = toJUnit(result);
    expect(junit).toContain('failures="1"');
    expect(junit).toMatch(
      /<testcase classname="contracts" name="execute-success"[^/]*>\s*<system-out>accepted \[/,
    );
    const html = contractSection(result);
    expect(html).toContain('<h3>Accepted findings (not failures)</h3>');
    expect(html).toContain('team decision');
    expect(contractSection(plain)).not.toContain('Accepted findings');
    // Listing both passes the run.
    const all = await verify([
      ...entriesFor('execute-success', TODAY),
      ...entriesFor('not-found-workflow', TODAY),
    ]);
    expect(all.summary.failed).toBe(0);
  });

  it('an expired acceptance fails again and says it expired', async () => {
    const result = await verify(entriesFor('execute-success', '2026-06-14'));
    const check = byId(result, 'execute-success');
    expect(check.outcome).toBe('failed');
    expect(check.accepted).toBeUndefined();
    for (const f of check.failures) expect(f.message).toContain('acceptance expired on 2026-06-14');
    expect(result.summary.failed).toBe(2);
  });

  it('--accept-current writes a valid file that accepts the run, merges, and refuses an invalid one', async () => {
    const file = join(tmp, 'reference.accepted.json');
    const first = acceptCurrent(file, plain, new Date(`${TODAY}T12:00:00Z`));
    const written = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(new ContractValidator().validate('accepted-findings.schema.json', written).errors).toEqual([]);
    // One entry per (check, code, pointer): two failures at the same place share it.
    const keys = new Set(
      plain.checks.flatMap((c) => c.failures.map((f) => `${f.check} ${f.code} ${f.instancePath}`)),
    );
    expect(first.added.length).toBe(keys.size);
    expect(first.added[0]?.expires).toBe('2026-07-15');
    expect((await verify(loadAccepted(file))).summary.failed).toBe(0);
    // A second run adds nothing and keeps every entry (a hand-edited reason survives).
    const edited = loadAccepted(file).map((e, i) => (i === 0 ? { ...e, reason: 'kept by hand' } : e));
    writeFileSync(file, JSON.stringify({ accepted: edited }));
    const second = acceptCurrent(file, plain, new Date(`${TODAY}T12:00:00Z`));
    expect(second).toMatchObject({ added: [], kept: edited.length });
    expect(loadAccepted(file)[0]?.reason).toBe('kept by hand');
    writeFileSync(file, JSON.stringify({ accepted: [{ check: 'x' }] }));
    expect(() => acceptCurrent(file, plain)).toThrow(
      /HARNESS_ERR_TARGET_INVALID|accepted-findings.schema.json/,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ accepted: [{ check: 'x' }] });
  });
});
