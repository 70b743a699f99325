import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { type LoadConfig, type LoadResult, buildScenarios, runLoad } from '../../src/load/index.js';
import { type ResolvedTarget, startEmbedded } from '../../src/target/index.js';
import { percentile, valuesOf } from './union-percentile.js';

// `harness load --shards N` on the local engine, and on real k6 when K6_BIN is set (skipped
// without): one bounded scenario (shared-iterations, 60 iterations on 6 VUs) against the embedded
// reference, as one process and as 2 and 3 shards. The merged totals are the plan's; the merged
// percentiles are the ones computed here from the union of the shards' raw samples.
const k6 = process.env.K6_BIN;
const reportsDir = mkdtempSync(join(tmpdir(), 'shards-k6-'));
const EXECUTOR = { executor: 'shared-iterations', vus: 6, iterations: 60, maxDuration: '1m' };
let target: ResolvedTarget | undefined;

beforeAll(async () => {
  await buildScenarios({ names: ['sync-latency'] });
  target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 3 });
}, 60_000);
afterAll(async () => {
  await target?.stop();
  rmSync(reportsDir, { recursive: true, force: true });
});

async function run(
  engine: LoadConfig['engine'],
  shards: number,
  thresholds?: Record<string, string[]>,
): Promise<LoadResult> {
  const config: LoadConfig = {
    timeScale: 0.02,
    faults: [],
    seed: 3,
    engine,
    loadProfile: 'smoke',
    reportsDir,
    ci: true,
  };
  const t = target!;
  return runLoad(config, {
    scenario: 'sync-latency',
    shards,
    target: thresholds === undefined ? t : { ...t, profile: { ...t.profile, thresholds } },
    extraEnv: { HARNESS_EXECUTOR: JSON.stringify(EXECUTOR) },
    log: () => undefined,
    onEngineOutput: () => undefined,
  });
}

const value = (r: LoadResult, metric: string, stat: string): number | undefined =>
  r.summary?.metrics.find((m) => m.name === metric)?.values[stat];
const checks = (r: LoadResult): number =>
  (r.summary?.checks ?? []).reduce((n, c) => n + c.passes + c.fails, 0);

describe.each([
  ['local', false],
  ['k6', k6 === undefined],
] as const)('harness load --shards N on the %s engine', (engine, skip) => {
  it.skipIf(skip)(
    '1, 2 and 3 shards do the plan; merged p50/p95/p99 are the union of the raw samples',
    async () => {
      const single = await run(engine, 1);
      expect(single.exitCode).toBe(0);
      const planned = single.run.plan?.executions;
      expect(planned).toBe(60);
      expect(value(single, 'iterations', 'count')).toBe(planned);
      for (const n of [2, 3]) {
        const r = await run(engine, n);
        expect(r.exitCode).toBe(0);
        expect(new ContractValidator().validate('load-run.schema.json', r.run).errors).toEqual([]);
        expect(r.run.plan?.executions).toBe(planned);
        expect(r.run.shards?.count).toBe(n);
        expect(r.run.shards?.list.map((s) => s.exitCode)).toEqual(Array(n).fill(0));
        expect(r.run.shards?.list.reduce((a, s) => a + s.iterations, 0)).toBe(planned);
        expect(value(r, 'iterations', 'count')).toBe(planned);
        expect(value(r, 'http_reqs', 'count')).toBe(value(single, 'http_reqs', 'count'));
        expect(checks(r)).toBe(checks(single));
        expect(r.run.shards?.percentiles).toMatchObject({ method: 'exact', relativeError: 0 });
        const files = Array.from({ length: n }, (_, i) =>
          join(r.runDir.path, 'shards', String(i), 'samples.json.gz'),
        );
        const union = valuesOf(files, 'http_req_duration');
        expect(union).toHaveLength(value(r, 'http_reqs', 'count')!);
        for (const [stat, p] of [
          ['med', 0.5],
          ['p(95)', 0.95],
          ['p(99)', 0.99],
        ] as const)
          expect(value(r, 'http_req_duration', stat)).toBeCloseTo(percentile(union, p), 9);
        for (let i = 0; i < n; i += 1)
          expect(existsSync(join(r.runDir.path, `samples-${i}.json.gz`))).toBe(true);
      }
    },
    240_000,
  );

  it.skipIf(skip)(
    'judges a threshold on the merged data: each shard passes count<45, the 60 merged iterations cross it (exit 99)',
    async () => {
      const r = await run(engine, 2, { iterations: ['count<45'] });
      for (const i of [0, 1]) {
        const own = JSON.parse(
          readFileSync(join(r.runDir.path, 'shards', String(i), 'summary-data.json'), 'utf8'),
        ) as {
          metrics: Record<string, { thresholds?: Record<string, { ok: boolean }> }>;
        };
        expect(own.metrics.iterations?.thresholds?.['count<45']?.ok).toBe(true);
      }
      expect(r.run.thresholds.find((t) => t.metric === 'iterations')).toMatchObject({
        ok: false,
        measured: 60,
      });
      expect(r.exitCode).toBe(99);
      // The clean case: the same limit above the whole test's count passes.
      const clean = await run(engine, 2, { iterations: ['count<61'] });
      expect(clean.exitCode).toBe(0);
    },
    240_000,
  );
});
