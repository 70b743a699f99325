import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { type LoadConfig, type LoadResult, buildScenarios, runLoad } from '../../src/load/index.js';
import { startEmbedded } from '../../src/target/index.js';

// Every scenario, briefly (smoke profile, reference at time scale 0.02), on the local engine
// as a child process, exactly as `harness load --engine local` runs it.
const reportsDir = mkdtempSync(join(tmpdir(), 'scenario-runs-'));
afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));
// Built once up front: concurrent runs must not each rebuild a bundle another is reading.
beforeAll(async () => {
  await buildScenarios();
}, 60_000);
const config: LoadConfig = {
  timeScale: 0.02,
  faults: [],
  seed: 11,
  engine: 'local',
  loadProfile: 'smoke',
  reportsDir,
  ci: true,
};
const quiet = { log: () => undefined, onEngineOutput: () => undefined };

type Values = Record<string, number>;
function metric(result: LoadResult, name: string): Values {
  const found = result.summary?.metrics.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no metric ${name} in the summary`);
  return found.values;
}

function expectValidSummary(result: LoadResult): void {
  expect(new ContractValidator().validate('load-summary.schema.json', result.summary).errors).toEqual([]);
  expect(result.run.engine.kind).toBe('local');
}

/**
 * Exit 0, or 99 with only latency percentiles crossed: the smoke profile's latency bounds measure
 * the machine as much as the engine, and a loaded 2-core CI machine may cross them. Every other
 * threshold (contract violations, failures, completions) must hold.
 */
function expectNothingButLatencyCrossed(r: LoadResult): void {
  const crossed = r.run.thresholds.filter((t) => !t.ok);
  expect(crossed.filter((t) => t.aggregation?.startsWith('p(') !== true).map((t) => t.metric)).toEqual([]);
  expect(r.exitCode).toBe(crossed.length === 0 ? 0 : 99);
}

describe.concurrent('scenarios on the local engine', { timeout: 60_000 }, () => {
  it('sync-latency: requests made on schedule, every response validated', async () => {
    const r = await runLoad(config, { scenario: 'sync-latency', ...quiet });
    expectNothingButLatencyCrossed(r);
    expectValidSummary(r);
    // 10/s for 3 s: iterations start at 0, 100, …, 3000 ms — 31 at most, each one call; a loaded
    // machine may delay or drop some (counted), so the count is checked against the schedule, not a window.
    const iterations = metric(r, 'iterations').count ?? 0;
    const dropped = r.summary?.metrics.find((m) => m.name === 'dropped_iterations')?.values.count ?? 0;
    expect(iterations).toBeGreaterThan(0);
    expect(iterations + dropped).toBeLessThanOrEqual(31);
    expect(metric(r, 'http_reqs').count).toBe(iterations);
    expect(metric(r, 'contract_violations')).toMatchObject({
      passes: 0,
      fails: metric(r, 'http_reqs').count,
    });
    // workflow_latency is each call's request duration: the same series as its http_req_duration submetric.
    const latency = metric(r, 'workflow_latency');
    const duration = metric(r, 'http_req_duration{endpoint:executeWorkflow,workflow:fast}');
    for (const stat of ['min', 'med', 'max', 'p(95)'])
      expect(latency[stat]).toBeCloseTo(duration[stat] ?? NaN, 6);
    expect(latency.min).toBeGreaterThan(0);
  });

  it('timeout-boundary: every slow call classified, server timeouts completed afterwards', async () => {
    const r = await runLoad(config, { scenario: 'timeout-boundary', ...quiet });
    expectNothingButLatencyCrossed(r);
    expectValidSummary(r);
    const classes = r.run.timeoutClasses ?? {};
    expect(Object.values(classes).reduce((a: number, b) => a + (b ?? 0), 0)).toBe(8);
    expect(classes.other_error).toBeUndefined();
    expect(classes.client_timeout).toBeUndefined();
    // The slow workflow's load inputs follow its seeded distribution (~23 % past 30 s): with seed 11
    // the 8 calls land on both sides of the limit, and every cut-off execution still completes.
    expect(classes.answered_below_limit).toBeGreaterThan(0);
    expect(classes.server_timeout).toBeGreaterThan(0);
    expect(metric(r, 'completed_after_timeout').rate).toBe(1);
  });

  it('background-polling: executions complete; lag and polls measured against ground truth', async () => {
    const r = await runLoad(config, { scenario: 'background-polling', ...quiet });
    expectNothingButLatencyCrossed(r);
    expectValidSummary(r);
    expect(metric(r, 'executions_completed')).toMatchObject({ passes: 8, fails: 0 });
    expect(r.run.detectionLag?.executions).toBe(8);
    // Lag is measured (not null) and consistent: p95 ≥ median, and the real-time figure is the scaled one.
    const lag = r.run.detectionLag;
    expect(typeof lag?.medianMs).toBe('number');
    expect(lag?.p95Ms).toBeGreaterThanOrEqual(lag?.medianMs ?? Infinity);
    expect(lag?.realTimeMedianMs).toBeCloseTo((lag?.medianMs ?? NaN) / config.timeScale, 0);
    expect(r.run.pollsPerExecution?.max).toBeLessThanOrEqual(12);
  });

  it('mixed: sync, continued conversations and background work together', async () => {
    const r = await runLoad(config, { scenario: 'mixed', ...quiet });
    expectNothingButLatencyCrossed(r);
    expectValidSummary(r);
    expect(metric(r, 'continuations_kept').rate).toBe(1);
    expect(metric(r, 'contract_violations').passes).toBe(0);
  });

  it('a mistyped field in the reference crosses the contract-violation threshold: exit 99', async () => {
    const r = await runLoad(
      { ...config, faults: ['mistyped-field'] },
      { scenario: 'sync-latency', ...quiet },
    );
    expect(r.exitCode).toBe(99);
    expect(metric(r, 'contract_violations').passes).toBeGreaterThan(0);
    expect(r.run.thresholds).toContainEqual(
      expect.objectContaining({ metric: 'contract_violations', expression: 'rate==0', ok: false }),
    );
    expect(r.run.thresholdsPassed).toBe(false);
  });

  it("a target profile's thresholds override the profile's: an impossible latency bound fails with 99", async () => {
    const target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 3 });
    try {
      const profile = { ...target.profile, thresholds: { workflow_latency: ['p(95)<0.001'] } };
      const r = await runLoad(config, { scenario: 'sync-latency', target: { ...target, profile }, ...quiet });
      expect(r.exitCode).toBe(99);
      expect(r.run.thresholds).toContainEqual(
        expect.objectContaining({ metric: 'workflow_latency', expression: 'p(95)<0.001', ok: false }),
      );
      expect(metric(r, 'contract_violations').passes).toBe(0);
    } finally {
      await target.stop();
    }
  });
});
