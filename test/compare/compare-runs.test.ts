import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, formatComparison, seededRandom } from '../../src/compare/index.js';
import type { FixtureSample } from '../fixtures/k6-json-output.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

const ENDPOINTS = ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'] as const;
const N = 500;

/**
 * Seeded latencies shaped like a measured run on a busy machine: log-normal around 8 ms
 * plus 1 % load spikes of 50–300 ms (well above the p95, not at it: with ~5 % of spikes the p95
 * sits on a cliff and its bootstrap interval straddles the boundary). `addMs` shifts one endpoint (the injected slowdown).
 * Nothing is measured here, so no verdict depends on the machine running the test.
 */
function run(seed: number, addMs: Partial<Record<(typeof ENDPOINTS)[number], number>> = {}): FixtureSample[] {
  const r = seededRandom(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const start = Date.parse('2026-11-28T12:00:00Z');
  const out: FixtureSample[] = [];
  for (let i = 0; i < N; i += 1)
    for (const endpoint of ENDPOINTS) {
      const spike = r() < 0.01 ? 50 + r() * 250 : 0;
      const value = 8 * Math.exp(0.6 * gaussian()) + spike + (addMs[endpoint] ?? 0);
      const tags = { endpoint, status: '200', scenario: 'fixture' };
      out.push({ metric: 'http_req_duration', time: start + i * 10, value, tags });
      out.push({ metric: 'http_reqs', time: start + i * 10, value: 1, tags });
    }
  return out;
}

describe('compareRuns on seeded runs (realistic noise, effects far from the decision boundary)', () => {
  let reports: string;
  const runs: Record<'base' | 'same' | 'slow' | 'slightly', string> = {
    base: '',
    same: '',
    slow: '',
    slightly: '',
  };

  beforeAll(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-compare-'));
    runs.base = writeRunFolder(reports, { runId: fixtureRunId() }, run(1));
    runs.same = writeRunFolder(reports, { runId: fixtureRunId() }, run(2));
    // +120 ms on a median of 8 ms: p95 several times the baseline's, spikes included.
    runs.slow = writeRunFolder(reports, { runId: fixtureRunId() }, run(3, { executeWorkflow: 120 }));
    // +1 ms: real, but far below the 10 % minimum effect on the p95.
    runs.slightly = writeRunFolder(reports, { runId: fixtureRunId() }, run(4, { executeWorkflow: 1 }));
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  it('finds no regression between two runs of the same deployment', async () => {
    const result = await compareRuns(runs.base, runs.same, { seed: 42 });
    expect(result.comparisons.map((c) => c.endpoint).sort()).toEqual([...ENDPOINTS].sort());
    expect(result.comparisons.every((c) => c.baselineCount === N && c.currentCount === N)).toBe(true);
    expect(result.regressions, formatComparison(result)).toBe(0);
  });

  it('finds the injected slowdown on executeWorkflow and only there', async () => {
    const result = await compareRuns(runs.base, runs.slow, { seed: 42 });
    const verdicts = Object.fromEntries(result.comparisons.map((c) => [c.endpoint, c.verdict]));
    expect(verdicts, formatComparison(result)).toEqual({
      executeWorkflow: 'regression',
      executeWorkflowBackground: 'no-change',
      getConversationById: 'no-change',
    });
    // Far from the boundary: the interval's lower bound is well above the 10 % minimum effect.
    const slow = result.comparisons.find((c) => c.endpoint === 'executeWorkflow');
    expect(slow?.change.lower).toBeGreaterThan(0.5);
    const table = formatComparison(result);
    expect(table).toMatch(/executeWorkflow\s.*REGRESSION/);
    expect(table).toContain('1 regression(s)');
  });

  it('does not call a change below the minimum effect a regression', async () => {
    expect((await compareRuns(runs.base, runs.slightly, { seed: 42 })).regressions).toBe(0);
    expect((await compareRuns(runs.base, runs.slow, { seed: 42, minEffect: 50 })).regressions).toBe(0);
  });

  it('is reproducible for a given seed', async () => {
    const a = await compareRuns(runs.base, runs.slow, { seed: 9, iterations: 200 });
    const b = await compareRuns(runs.base, runs.slow, { seed: 9, iterations: 200 });
    expect(a).toEqual(b);
  });
});
