import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { HISTOGRAM_RELATIVE_ERROR, mergeRun } from '../../src/merge/index.js';
import type { LoadSummary } from '../../src/types/generated/load-summary.js';
import { durations, writeShard } from './fixture-shards.js';
import { percentile } from './union-percentile.js';

// `harness merge` on shard folders written here (CI has no k6): totals add up, percentiles are
// the union's (exactly, or within the stated error past the exact limit), and every threshold
// is judged again on the merged data.
const root = mkdtempSync(join(tmpdir(), 'merge-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let case_ = 0;
const fresh = (): string => join(root, `case-${(case_ += 1)}`);

const value = (s: LoadSummary, metric: string, stat: string): number | undefined =>
  s.metrics.find((m) => m.name === metric)?.values[stat];

function threeShards(dir: string, sizes: readonly [number, number, number], extra: object = {}) {
  const bounds = ['0', '1/3', '2/3', '1'];
  const parts = sizes.map((n, i) => durations(n, 11 + i));
  const folders = parts.map((d, i) =>
    writeShard(join(dir, `shard-${i}`), {
      segment: `${bounds[i]}:${bounds[i + 1]}`,
      sequence: bounds.join(','),
      durations: d,
      durationMs: 2000 + i * 100,
      ...extra,
    }),
  );
  return { folders, union: parts.flat() };
}

describe('harness merge', () => {
  it('adds counters and checks, recomputes rates, sums VUs, and gives the exact union percentiles', async () => {
    const dir = fresh();
    const { folders, union } = threeShards(dir, [400, 350, 300]);
    const result = await mergeRun(folders, { reportsDir: join(dir, 'reports'), log: () => undefined });
    const s = result.summary;
    expect(result.exitCode).toBe(0);
    expect(value(s, 'iterations', 'count')).toBe(1050);
    expect(value(s, 'http_reqs', 'count')).toBe(1050);
    expect(value(s, 'http_reqs', 'rate')).toBeCloseTo(1050 / 2.2, 9); // over the longest shard
    expect(s.checks).toEqual([{ path: '::status is 200', name: 'status is 200', passes: 1050, fails: 0 }]);
    expect(value(s, 'vus', 'max')).toBe(6);
    expect(value(s, 'checks', 'rate')).toBe(1);
    for (const [stat, p] of [
      ['med', 0.5],
      ['p(95)', 0.95],
      ['p(99)', 0.99],
    ] as const)
      expect(value(s, 'http_req_duration', stat)).toBe(percentile(union, p));
    expect(value(s, 'http_req_duration', 'max')).toBe(Math.max(...union));
    expect(result.run.shards).toMatchObject({
      count: 3,
      testId: 'test-1',
      sequence: '0,1/3,2/3,1',
      percentiles: { method: 'exact', relativeError: 0, largestTrend: 1050 },
    });
    expect(result.run.shards?.list.map((x) => [x.segment, x.iterations])).toEqual([
      ['0:1/3', 400],
      ['1/3:2/3', 350],
      ['2/3:1', 300],
    ]);
    const validator = new ContractValidator();
    const onDisk = (f: string): unknown => JSON.parse(readFileSync(join(result.runDir.path, f), 'utf8'));
    expect(validator.validate('load-run.schema.json', onDisk('load-run.json')).errors).toEqual([]);
    expect(validator.validate('load-summary.schema.json', onDisk('load-summary.json')).errors).toEqual([]);
    for (const f of ['load.junit.xml', 'samples-0.json.gz', 'samples-1.json.gz', 'samples-2.json.gz'])
      expect(existsSync(join(result.runDir.path, f))).toBe(true);
  });

  it('crosses a threshold only the merged data crosses (each shard passed it alone): exit 99', async () => {
    const dir = fresh();
    // Each shard judged count<1000 on its own ≤ 400 requests and passed; together they are 1050.
    const own = {
      thresholds: {
        http_reqs: { 'count<1000': true },
        'http_req_duration{endpoint:executeWorkflow}': { 'p(95)<10000': true },
      },
    };
    const { folders, union } = threeShards(dir, [400, 350, 300], own);
    const result = await mergeRun(folders, { reportsDir: join(dir, 'reports'), log: () => undefined });
    expect(result.summary.thresholds.map((t) => [t.metric, t.expression, t.ok, t.measured])).toEqual([
      ['http_req_duration{endpoint:executeWorkflow}', 'p(95)<10000', true, percentile(union, 0.95)],
      ['http_reqs', 'count<1000', false, 1050],
    ]);
    expect(result.exitCode).toBe(99);
    expect(result.run.thresholdsPassed).toBe(false);
    expect(readFileSync(join(result.runDir.path, 'load.junit.xml'), 'utf8')).toContain('<failure');

    // The clean case: two shards, 750 requests, under the same limit.
    const clean = fresh();
    const two = [0, 1].map((i) =>
      writeShard(join(clean, `s${i}`), {
        segment: i === 0 ? '0:1/2' : '1/2:1',
        durations: durations(375, i),
        ...own,
      }),
    );
    const passed = await mergeRun(two, { reportsDir: join(clean, 'reports'), log: () => undefined });
    expect(passed.summary.thresholds.every((t) => t.ok)).toBe(true);
    expect(passed.exitCode).toBe(0);
  });

  it('past the exact limit takes percentiles from histograms, within the stated relative error, and says so', async () => {
    const dir = fresh();
    const { folders, union } = threeShards(dir, [3000, 2500, 2000]);
    const lines: string[] = [];
    const result = await mergeRun(folders, {
      reportsDir: join(dir, 'reports'),
      exactLimit: 1000,
      log: (l) => lines.push(l),
    });
    expect(result.run.shards?.percentiles).toEqual({
      method: 'histogram',
      relativeError: HISTOGRAM_RELATIVE_ERROR,
      largestTrend: 7500,
      exactLimit: 1000,
    });
    expect(lines.join('\n')).toContain('percentiles: from mergeable HDR histograms, within 0.1 %');
    const sorted = [...union].sort((a, b) => a - b);
    for (const [stat, p] of [
      ['med', 0.5],
      ['p(95)', 0.95],
      ['p(99)', 0.99],
    ] as const) {
      const merged = value(result.summary, 'http_req_duration', stat)!;
      // Within the error of a sample value next to the percentile's position (µs resolution).
      const i = p * (sorted.length - 1);
      const near = sorted.slice(Math.max(0, Math.floor(i) - 1), Math.ceil(i) + 2);
      expect(near.some((v) => Math.abs(merged - v) <= v * HISTOGRAM_RELATIVE_ERROR + 0.0005)).toBe(true);
      expect(Math.abs(merged - percentile(union, p)) / percentile(union, p)).toBeLessThan(0.01);
    }
    // Under the limit, the same shards give the exact union percentiles.
    const exact = await mergeRun(folders, { reportsDir: join(dir, 'reports'), log: () => undefined });
    expect(exact.run.shards?.percentiles.method).toBe('exact');
    expect(value(exact.summary, 'http_req_duration', 'p(99)')).toBe(percentile(union, 0.99));
  });

  it('takes a `harness load --shards N` run folder (shards/<i>/) as well as shard folders', async () => {
    const dir = fresh();
    writeShard(join(dir, 'run', 'shards', '0'), { segment: '0:1/2', durations: durations(10, 1) });
    writeShard(join(dir, 'run', 'shards', '1'), { segment: '1/2:1', durations: durations(12, 2) });
    const result = await mergeRun([join(dir, 'run')], {
      reportsDir: join(dir, 'reports'),
      log: () => undefined,
    });
    expect(value(result.summary, 'iterations', 'count')).toBe(22);
    expect(result.run.shards?.count).toBe(2);
  });
});
