import { describe, expect, it } from 'vitest';
import type { ResolvedTarget } from '../../src/target/index.js';
import { bareUrlProfile } from '../../src/target/index.js';
import {
  asBareUrl,
  detectionOk,
  evidenceOf,
  printDetectionTable,
  type DetectionRow,
  type DetectionTable,
} from '../../src/verify/detection-table.js';
import { checkResult, failure, verifyResult } from './result-fixture.js';

/**
 * `harness verify --detection-table` as its reader sees it, without running verify: the clean
 * reference's line, each fault with the checks that caught it and their evidence, the faults a
 * bare URL cannot catch without a profile, and the closing verdict; and the target a bare-URL
 * table verifies (only the URL and main key of the reference).
 */
const clean = verifyResult([checkResult({ id: 'a' }), checkResult({ id: 'b', outcome: 'skipped' })]);
const row = (name: string, caughtBy: string[], evidence: string[], needsProfile?: string): DetectionRow => ({
  fault: { name, title: name, violates: 'x', ...(needsProfile === undefined ? {} : { needsProfile }) },
  caughtBy,
  evidence,
  result: clean,
});
const table = (rows: DetectionRow[], over: Partial<DetectionTable> = {}): DetectionTable => ({
  clean,
  rows,
  bare: false,
  ok: true,
  ...over,
});

describe('printed detection table', () => {
  it('every fault caught: the checks with their evidence, aligned, and OK with the count', () => {
    const caught = [
      row('mistyped-field', ['execute-shape', 'poll-shape'], ['POST /x /credits', 'GET /y status 500']),
      row('slow', ['timing'], []),
    ];
    expect(printDetectionTable(table(caught)).split('\n')).toEqual([
      'fault           caught by',
      '(none)          clean reference passes (1 passed, 1 skipped)',
      'mistyped-field  execute-shape (POST /x /credits), poll-shape (GET /y status 500)',
      'slow            timing ()',
      '',
      'OK: 2 of 2 faults caught',
      '',
    ]);
  });

  it('a fault missed or a failing clean reference: named, and FAILED', () => {
    const failing = verifyResult([
      checkResult({ id: 'a', outcome: 'failed' }),
      checkResult({ id: 'b' }),
      checkResult({ id: 'c', outcome: 'failed' }),
    ]);
    expect(
      printDetectionTable(table([row('gone', [], [])], { clean: failing, ok: false })).split('\n'),
    ).toEqual([
      'fault  caught by',
      '(none)  CLEAN REFERENCE FAILS: a, c',
      'gone   NOT CAUGHT',
      '',
      'FAILED: a fault went uncaught or the clean reference failed',
      '',
    ]);
  });

  it('from a bare URL: a fault needing a profile says so; one that needs none and is missed is NOT CAUGHT', () => {
    const rows = [
      row('caught', ['x'], ['e']),
      row('other-method', [], [], 'a profile declares the methods'),
      row('missed', [], []),
    ];
    expect(printDetectionTable(table(rows, { bare: true })).split('\n')).toEqual([
      'fault         caught by',
      '(none)        clean reference passes (1 passed, 1 skipped)',
      'caught        x (e)',
      'other-method  not caught from a bare URL (needs a profile: a profile declares the methods)',
      'missed        NOT CAUGHT',
      '',
      'OK: 1 of 3 faults caught from a bare URL (the rest need a profile)',
      '',
    ]);
    expect(printDetectionTable(table([row('p', [], [], 'why')], { bare: false })).split('\n')[2]).toBe(
      'p      NOT CAUGHT',
    );
  });
});

describe('the detection verdict and its evidence', () => {
  it('OK only when the clean reference passes and every fault is caught', () => {
    const caught = row('a', ['x'], ['e']);
    expect(detectionOk(clean, [caught, row('b', ['y'], ['e'])], false)).toBe(true);
    expect(detectionOk(clean, [], false)).toBe(true);
    expect(detectionOk(clean, [caught, row('missed', [], [])], false)).toBe(false);
    const failing = verifyResult([checkResult({ outcome: 'failed' })]);
    expect(detectionOk(failing, [caught], false)).toBe(false);
  });

  it('from a bare URL, only a fault needing a profile may go uncaught', () => {
    const needsProfile = row('other-method', [], [], 'a profile declares the methods');
    expect(detectionOk(clean, [row('a', ['x'], ['e']), needsProfile], true)).toBe(true);
    expect(detectionOk(clean, [needsProfile], false)).toBe(false);
    expect(detectionOk(clean, [needsProfile, row('missed', [], [])], true)).toBe(false);
  });

  it("names the catching check's first violation: endpoint and pointer, else the status, else the rule", () => {
    const first = (f: ReturnType<typeof failure>) =>
      evidenceOf(checkResult({ outcome: 'failed', failures: [f, failure({ instancePath: '/second' })] }));
    expect(first(failure({ endpoint: 'executeWorkflow', instancePath: '/creditUsage' }))).toBe(
      'executeWorkflow /creditUsage',
    );
    expect(
      first(failure({ endpoint: 'executeWorkflow', instancePath: '', schemaPath: 'status', status: 400 })),
    ).toBe('executeWorkflow status 400');
    expect(
      first(failure({ endpoint: 'getConversation', instancePath: '', schemaPath: 'status', status: null })),
    ).toBe('getConversation status none');
    expect(
      first(failure({ endpoint: 'getConversation', instancePath: '', schemaPath: 'header:content-type' })),
    ).toBe('getConversation header:content-type');
    expect(evidenceOf(checkResult({ id: 'no-detail', outcome: 'failed' }))).toBe('no-detail');
  });
});

describe('the reference seen as a bare URL', () => {
  it('keeps only its URL and main key, learns the rest, and still stops the reference', async () => {
    let stopped = 0;
    const reference = {
      profile: { name: 'reference', baseUrl: 'http://127.0.0.1:4567' },
      keys: { main: 'sk-main', extra: 'sk-extra' },
      embedded: true,
      stop: () => {
        stopped += 1;
        return Promise.resolve();
      },
    } as unknown as ResolvedTarget;
    const bare = asBareUrl(reference);
    expect(bare).toMatchObject({
      profile: bareUrlProfile('http://127.0.0.1:4567', {}),
      keys: { main: 'sk-main' },
      embedded: false,
      guessed: ['workflows.fast'],
      bare: true,
    });
    expect(bare.keys).toEqual({ main: 'sk-main' });
    await bare.stop();
    expect(stopped).toBe(1);
  });
});
