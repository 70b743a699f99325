import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/index.js';
import { compareRuns, formatComparison } from '../../src/compare/index.js';
import { collectReferenceSamples } from '../fixtures/collect-reference-samples.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

const ITERATIONS = 100;
// Two runs of one reference differ by tail noise (a busy machine moves a p95 by tens of percent):
// "no regression" is asked at +50 %, far above it. The injected 600 ms is judged at the default
// +10 %: it adds over +25 % even when a busy machine makes the fast workflow take ~700 ms.
const MIN_EFFECT_SAME = 0.5;

// The embedded reference, time-scaled, twice: as is, and with 600 ms added to every
// execution (extraLatencyMs): well above the tail noise of a busy 2-core machine. Only the
// sync endpoint waits for executions.
describe('compare against the reference with injected latency', () => {
  let reports: string;
  const refs: RunningReference[] = [];
  const runs = { base: '', same: '', slow: '' };

  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'harness-ref-compare-'));
    const clean = await startReference({ port: 0, timeScale: 0.02, seed: 3 });
    const slow = await startReference({ port: 0, timeScale: 0.02, seed: 3, extraLatencyMs: 600 });
    refs.push(clean, slow);
    // Measured at the same time, so all three share the machine's conditions.
    const [a, b, c] = await Promise.all([
      collectReferenceSamples(clean.profile(), clean.keys.full, ITERATIONS),
      collectReferenceSamples(clean.profile(), clean.keys.full, ITERATIONS),
      collectReferenceSamples(slow.profile(), slow.keys.full, ITERATIONS),
    ]);
    for (const set of [a, b, c]) expect(set.filter((s) => s.tags.status !== '200')).toEqual([]);
    runs.base = writeRunFolder(reports, { runId: fixtureRunId() }, a);
    runs.same = writeRunFolder(reports, { runId: fixtureRunId() }, b);
    runs.slow = writeRunFolder(reports, { runId: fixtureRunId() }, c);
  });
  afterAll(async () => {
    await Promise.all(refs.map((r) => r.close()));
    rmSync(reports, { recursive: true, force: true });
  });

  it('two runs of the same reference: no regression', async () => {
    const result = await compareRuns(runs.base, runs.same, { seed: 5, minEffect: MIN_EFFECT_SAME });
    expect(result.comparisons).toHaveLength(3);
    expect(result.regressions, formatComparison(result)).toBe(0);
  });

  it('latency injected: a regression on executeWorkflow, none on the endpoints that do not wait', async () => {
    const result = await compareRuns(runs.base, runs.slow, { seed: 5 });
    const verdicts = Object.fromEntries(result.comparisons.map((c) => [c.endpoint, c.verdict]));
    expect(verdicts['executeWorkflow (fast)'], formatComparison(result)).toBe('regression');
    // The endpoints that do not wait differ only by noise: judged, like two runs of the same
    // reference, at the minimum effect that noise stays far below.
    const noise = await compareRuns(runs.base, runs.slow, { seed: 5, minEffect: MIN_EFFECT_SAME });
    const unchanged = Object.fromEntries(noise.comparisons.map((c) => [c.endpoint, c.verdict]));
    expect(unchanged['executeWorkflowBackground (fast)'], formatComparison(noise)).not.toBe('regression');
    expect(unchanged['getConversationById (fast)'], formatComparison(noise)).not.toBe('regression');
  });
});
