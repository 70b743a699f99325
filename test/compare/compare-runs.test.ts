import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, formatComparison } from '../../src/compare/index.js';
import { collectSamples } from '../fixtures/collect-samples.js';
import { startLatencyServer } from '../fixtures/latency-server.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

const ENDPOINTS = ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'] as const;
const N = 200;
const normal = { base: 4, jitter: 8 };
// +100 %: far above the p95 noise between two concurrent runs of one deployment on a busy machine
// (seen within ±50 %), so "no regression" holds under load.
const MIN_EFFECT_SAME = 1;

// Real servers on loopback, real requests: three runs of 600 requests each.
describe('compareRuns on measured runs', () => {
  let reports: string;
  const servers: { close(): Promise<void> }[] = [];
  const runs: Record<'base' | 'same' | 'slow', string> = { base: '', same: '', slow: '' };

  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'harness-compare-'));
    const clean = await startLatencyServer(Object.fromEntries(ENDPOINTS.map((e) => [e, normal])));
    const slow = await startLatencyServer({
      ...Object.fromEntries(ENDPOINTS.map((e) => [e, normal])),
      executeWorkflow: { base: 400, jitter: 20 },
    });
    servers.push(clean, slow);
    // Measured at the same time, so the runs share the machine's conditions (2 busy cores):
    // only the injected latency differs between them.
    const [base, same, slowSamples] = await Promise.all([
      collectSamples(clean.url, ENDPOINTS, N, 6),
      collectSamples(clean.url, ENDPOINTS, N, 6),
      collectSamples(slow.url, ENDPOINTS, N, 6),
    ]);
    runs.base = writeRunFolder(reports, { runId: fixtureRunId() }, base);
    runs.same = writeRunFolder(reports, { runId: fixtureRunId() }, same);
    runs.slow = writeRunFolder(reports, { runId: fixtureRunId() }, slowSamples);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(reports, { recursive: true, force: true });
  });

  it('finds no regression between two runs of the same deployment', async () => {
    const result = await compareRuns(runs.base, runs.same, { seed: 42, minEffect: MIN_EFFECT_SAME });
    expect(result.comparisons.map((c) => c.endpoint).sort()).toEqual([...ENDPOINTS].sort());
    expect(result.comparisons.every((c) => c.baselineCount === N && c.currentCount === N)).toBe(true);
    expect(result.regressions, formatComparison(result)).toBe(0);
  });

  it('finds the injected slowdown on executeWorkflow and only there', async () => {
    // Default minimum effect (+10 %): the injected +400 ms is over +70 % even when a busy machine adds
    // ~300 ms to every p95, and ~+3000 % on a quiet one.
    const result = await compareRuns(runs.base, runs.slow, { seed: 42 });
    const table = formatComparison(result);
    expect(result.comparisons.find((c) => c.endpoint === 'executeWorkflow')?.verdict, table).toBe(
      'regression',
    );
    expect(table).toMatch(/executeWorkflow\s.*REGRESSION/);
    // The other endpoints differ only by noise: judged like two runs of the same deployment.
    const noise = await compareRuns(runs.base, runs.slow, { seed: 42, minEffect: MIN_EFFECT_SAME });
    const verdicts = Object.fromEntries(noise.comparisons.map((c) => [c.endpoint, c.verdict]));
    expect(verdicts.executeWorkflowBackground, formatComparison(noise)).not.toBe('regression');
    expect(verdicts.getConversationById, formatComparison(noise)).not.toBe('regression');
  });

  it('does not call a real slowdown a regression when it is below the minimum effect', async () => {
    // The injected slowdown is ~+3000 % on a quiet machine (less on a busy one): a minimum effect
    // of +100 000 % is far above it on any machine.
    const result = await compareRuns(runs.base, runs.slow, { seed: 42, minEffect: 1000 });
    expect(result.comparisons.find((c) => c.endpoint === 'executeWorkflow')?.change.lower).toBeGreaterThan(1);
    expect(result.regressions).toBe(0);
  });

  it('is reproducible for a given seed', async () => {
    const a = await compareRuns(runs.base, runs.slow, { seed: 9, iterations: 200 });
    const b = await compareRuns(runs.base, runs.slow, { seed: 9, iterations: 200 });
    expect(a).toEqual(b);
  });
});
