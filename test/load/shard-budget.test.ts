import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShardResults, runShardEngines, shardBudget, shardDir } from '../../src/load/run-shards.js';
import { createRunDir } from '../../src/run/index.js';
import { writeShard } from '../merge/fixture-shards.js';

/**
 * `harness load --shards N`: each shard gets an equal share of the credit budget (so together they
 * stay within it), its own folder and a labelled console; the run's exit is a shard's timeout or
 * script error, not one shard's crossed threshold; a shard stopped at its share makes the run
 * incomplete even when the whole test's spend is within the budget.
 */

const root = mkdtempSync(join(tmpdir(), 'shard-budget-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const runDir = () => createRunDir(join(root, 'reports'), `run-${(n += 1)}`);

// A stand-in engine: records the segment and the variables it was given next to its manifest path,
// prints two lines, and exits with the code FAKE_EXIT_<segment> names (0 by default), or never when
// FAKE_HANG_<segment> is set.
const engineBin = join(root, 'engine');
writeFileSync(
  engineBin,
  `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const segment = args[args.indexOf('--execution-segment') + 1];
const e = process.env;
fs.writeFileSync(e.HARNESS_SHARD_OUT + '.rec', JSON.stringify({ segment, sequence: args[args.indexOf('--execution-segment-sequence') + 1], out: args[args.indexOf('--out') + 1], max: e.HARNESS_MAX_CREDITS, summary: e.HARNESS_SUMMARY_OUT, test: e.HARNESS_TEST_ID, other: e.OTHER }));
process.stdout.write('first line\\nsecond line\\n');
const id = segment.replace(/\\W/g, '_');
if (e['FAKE_HANG_' + id] === '1') setInterval(() => undefined, 1000);
else process.exit(Number(e['FAKE_EXIT_' + id] || '0'));
`,
);
chmodSync(engineBin, 0o755);
const engine = { kind: 'k6' as const, requested: 'k6' as const, reason: 'test', binary: engineBin };
const run = (budget: number | 'unlimited', env: Record<string, string> = {}) => ({
  script: 'bundle.js',
  samplesOut: 'ignored',
  env: { OTHER: 'kept', ...env },
  budget,
  testId: 'test-7',
});

describe('the credit budget of one shard', () => {
  it('is an equal share, rounded down so the shards together never exceed it; unlimited stays unlimited', () => {
    expect(shardBudget(100, 3)).toBe(33);
    expect(shardBudget(100, 2)).toBe(50);
    expect(shardBudget('unlimited', 4)).toBe('unlimited');
  });
});

describe('starting the shards', () => {
  it('one engine per segment, each with its folder, its share of the budget, the test id, and a labelled console', async () => {
    const dir = runDir();
    const output: string[] = [];
    const ended = await runShardEngines(engine, run(100), 3, dir, (c) => output.push(c));
    expect(ended).toEqual({
      code: 0,
      timedOut: false,
      perShard: [0, 1, 2].map(() => ({ code: 0, timedOut: false })),
    });
    const records = [0, 1, 2].map((i): unknown =>
      JSON.parse(readFileSync(join(shardDir(dir, i), 'shard.json.rec'), 'utf8')),
    );
    expect(records).toEqual(
      ['0:1/3', '1/3:2/3', '2/3:1'].map((segment, i) => ({
        segment,
        sequence: '0,1/3,2/3,1',
        out: `json=${join(dir.path, 'shards', String(i), 'samples.json.gz')}`,
        max: '33',
        summary: join(dir.path, 'shards', String(i), 'summary-data.json'),
        test: 'test-7',
        other: 'kept',
      })),
    );
    const lines = output.join('').split('\n');
    for (const i of [0, 1, 2]) expect(lines).toContain(`[shard ${i}] second line`);
    expect(lines.filter((l) => l !== '' && !/^\[shard \d\] /.test(l))).toEqual([]);
    // A label starts each line of output, never an empty one.
    expect(lines.filter((l) => /^\[shard \d\] $/.test(l))).toEqual([]);
  });

  it('one shard’s crossed thresholds (99) leave the verdict to the merged data; a script error is the run’s exit', async () => {
    expect(
      (await runShardEngines(engine, run(10, { FAKE_EXIT_1_2_1: '99' }), 2, runDir(), () => undefined)).code,
    ).toBe(0);
    const ended = await runShardEngines(
      engine,
      run(10, { FAKE_EXIT_0_1_2: '99', FAKE_EXIT_1_2_1: '107' }),
      2,
      runDir(),
      () => undefined,
    );
    expect(ended.code).toBe(107);
    expect(ended.perShard.map((e) => e.code)).toEqual([99, 107]);
    // A clean shard before the failing one does not hide it.
    const after = await runShardEngines(
      engine,
      run(10, { FAKE_EXIT_1_2_1: '107' }),
      2,
      runDir(),
      () => undefined,
    );
    expect(after.code).toBe(107);
  });

  it('a shard stopped at loadTimeoutMs makes the run timed out, while the others finish', async () => {
    const ended = await runShardEngines(
      engine,
      // The bound is far above a clean shard's start-up, even on a loaded machine (a stand-in Node
      // script that exits at once); only the hanging shard reaches it.
      { ...run(10, { FAKE_HANG_1_2_1: '1' }), timeoutMs: 12_000, killGraceMs: 1_000 },
      2,
      runDir(),
      () => undefined,
    );
    expect(ended).toEqual({
      code: 128 + 15,
      timedOut: true,
      perShard: [
        { code: 0, timedOut: false },
        { code: 128 + 15, timedOut: true },
      ],
    });
  });
});

describe('reading the shards back', () => {
  /** Two shards of 3 samples each; the budget threshold crossed in the shards named by `stopped`. */
  const twoShards = (dir: ReturnType<typeof runDir>, stopped: number | readonly number[] = []) =>
    [0, 1].map((i) =>
      writeShard(shardDir(dir, i), {
        segment: i === 0 ? '0:1/2' : '1/2:1',
        sequence: '0,1/2,1',
        durations: [10, 20, 30],
        credits: 10,
        thresholds: { credits_used: { 'count<=50': ![stopped].flat().includes(i) } },
      }),
    );
  const ended = {
    code: 0,
    timedOut: false,
    perShard: [
      { code: 0, timedOut: false },
      { code: 99, timedOut: true },
    ],
  };

  it('merges every shard’s samples and summary, judges the budget as the whole test’s, and records each shard’s exit', async () => {
    const dir = runDir();
    twoShards(dir);
    const results = await readShardResults(dir, ended, {
      engine: { kind: 'k6', version: '2.2.0' },
      budget: 100,
    });
    expect(results.failure).toBeUndefined();
    expect(results.samples.points).toBeGreaterThan(0);
    // Completions are kept whole (their conversation) for the detection lag, as in a single run.
    expect(results.samples.kept.has('time_to_completion')).toBe(true);
    expect(results.files).toEqual({ 'samples-0': 'samples-0.json.gz', 'samples-1': 'samples-1.json.gz' });
    expect(results.summary?.thresholds.map((t) => [t.metric, t.expression, t.measured, t.ok])).toEqual([
      ['credits_used', 'count<=100', 60, true],
    ]);
    expect(results.record?.list.map((s) => [s.exitCode, s.timedOut])).toEqual([
      [0, false],
      [99, true],
    ]);
  });

  it('a shard stopped at its share is CREDIT_BUDGET_SPENT, even though the test spent less than its budget', async () => {
    const dir = runDir();
    twoShards(dir, 1);
    const results = await readShardResults(dir, ended, {
      engine: { kind: 'k6', version: '2.2.0' },
      budget: 100,
    });
    expect(results.failure).toEqual({
      code: 'CREDIT_BUDGET_SPENT',
      message:
        'shard(s) 1 spent their share of the credit budget (50 of 100) and were stopped before finishing their part (raise with --max-credits or HARNESS_MAX_CREDITS)',
    });
  });

  it('every shard stopped at its share is named', async () => {
    const dir = runDir();
    twoShards(dir, [0, 1]);
    const results = await readShardResults(dir, ended, {
      engine: { kind: 'k6', version: '2.2.0' },
      budget: 100,
    });
    expect(results.failure?.message).toMatch(/^shard\(s\) 0, 1 spent their share/);
  });

  it('without a budget, a profile’s own credits_used threshold is judged as written; shards without one are complete', async () => {
    const dir = runDir();
    twoShards(dir, [0, 1]);
    const results = await readShardResults(dir, ended, {
      engine: { kind: 'k6', version: '2.2.0' },
      budget: 'unlimited',
    });
    expect(results.failure).toBeUndefined();
    expect(results.summary?.thresholds.map((t) => [t.expression, t.measured, t.ok])).toEqual([
      ['count<=50', 60, false],
    ]);
    for (const [name, credits] of [
      ['no-credits', undefined],
      ['no-threshold', 10],
    ] as const) {
      const plain = createRunDir(join(root, 'reports'), name);
      [0, 1].map((i) =>
        writeShard(shardDir(plain, i), {
          segment: i === 0 ? '0:1/2' : '1/2:1',
          sequence: '0,1/2,1',
          durations: [10],
          ...(credits === undefined ? {} : { credits }),
        }),
      );
      const read = await readShardResults(plain, ended, {
        engine: { kind: 'k6', version: '2.2.0' },
        budget: 100,
      });
      expect(read.failure, name).toBeUndefined();
      expect(read.summary?.thresholdsPassed, name).toBe(true);
    }
  });

  it('a shard without an exit recorded reads as exit -1, not as a clean one', async () => {
    const dir = runDir();
    twoShards(dir);
    const results = await readShardResults(
      dir,
      { code: 0, timedOut: false, perShard: [{ code: 0, timedOut: false }] },
      { engine: { kind: 'k6', version: '2.2.0' }, budget: 100 },
    );
    expect(results.record?.list.map((s) => [s.exitCode, s.timedOut])).toEqual([
      [0, false],
      [-1, false],
    ]);
  });

  it('shards that cannot be merged are SHARDS_INCOMPLETE with the reason, never a pass', async () => {
    const dir = runDir();
    writeShard(shardDir(dir, 0), { segment: '0:1/2', sequence: '0,1/2,1', durations: [10] });
    const results = await readShardResults(dir, ended, {
      engine: { kind: 'local', version: null },
      budget: 'unlimited',
    });
    expect(results).toMatchObject({ summary: undefined, record: undefined, files: {} });
    expect(results.failure?.code).toBe('SHARDS_INCOMPLETE');
    expect(results.failure?.message).toMatch(/^the shards cannot be merged: .*1\/2:1/);
    expect(results.samples.kept.has('time_to_completion')).toBe(true);
  });
});
