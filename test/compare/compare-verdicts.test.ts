import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, formatComparison, mannWhitneyU, seededRandom } from '../../src/compare/index.js';
import type { FixtureSample } from '../fixtures/k6-json-output.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

/**
 * The verdict rules of compareRuns on synthetic, seeded series (no measurement, so nothing
 * here depends on the machine), each far from its decision boundary: a faster run is an
 * improvement, a tiny series is not judged, and a p95 that moved only because of a few
 * tail samples — while the bulk got faster — is no regression without a significant rank test.
 */
let reports: string;
beforeAll(() => {
  reports = mkdtempSync(join(tmpdir(), 'harness-verdicts-'));
});
afterAll(() => rmSync(reports, { recursive: true, force: true }));

/** `count` durations around `centre` ms (±10 %), seeded; `tail` of them replaced by `tailMs`. */
function series(seed: number, count: number, centre: number, tail = 0, tailMs = 0): number[] {
  const random = seededRandom(seed);
  const values = Array.from({ length: count }, () => centre * (0.9 + 0.2 * random()));
  for (let i = 0; i < tail; i += 1) values[i * Math.floor(count / tail)] = tailMs;
  return values;
}

function run(values: readonly number[]): string {
  const samples: FixtureSample[] = values.map((value, i) => ({
    metric: 'http_req_duration',
    time: Date.UTC(2026, 0, 1) + i * 10,
    value,
    tags: { endpoint: 'executeWorkflow', status: '200' },
  }));
  return writeRunFolder(reports, { runId: fixtureRunId() }, samples);
}

async function verdictOf(baseline: readonly number[], current: readonly number[]): Promise<string> {
  const result = await compareRuns(run(baseline), run(current), { seed: 7, iterations: 400 });
  expect(result.comparisons, formatComparison(result)).toHaveLength(1);
  return result.comparisons[0]?.verdict ?? 'none';
}

describe('compareRuns verdicts', () => {
  it('a run twice as slow is a regression; twice as fast is an improvement, not a regression', async () => {
    const base = series(1, 200, 100);
    expect(await verdictOf(base, series(2, 200, 200))).toBe('regression');
    const faster = await compareRuns(run(base), run(series(3, 200, 50)), { seed: 7, iterations: 400 });
    expect(faster.comparisons[0]?.verdict).toBe('improvement');
    expect(faster.comparisons[0]?.change.upper).toBeLessThan(-0.1);
    expect(faster.regressions).toBe(0);
  });

  it('the same distribution twice: no change', async () => {
    expect(await verdictOf(series(4, 200, 100), series(5, 200, 100))).toBe('no-change');
  });

  it('a tiny series is reported as insufficient data, not judged, however large the change', async () => {
    expect(await verdictOf(series(6, 10, 100), series(7, 10, 1000))).toBe('insufficient-data');
    expect(await verdictOf(series(6, 10, 100), series(7, 10, 10))).toBe('insufficient-data');
    expect(await verdictOf(series(6, 200, 100), series(7, 19, 1000))).toBe('insufficient-data');
    // The clean case at the minimum: 20 samples a side are judged.
    expect(await verdictOf(series(6, 20, 100), series(7, 20, 1000))).toBe('regression');
  });

  it('a p95 raised by a tail while the bulk got faster is not a regression (the rank test disagrees)', async () => {
    // Baseline ~100 ms; current ~60 ms for 90 % and 300 ms for 10 %: its p95 triples (the
    // bootstrap interval is far above minEffect) but most requests are faster.
    const result = await compareRuns(run(series(8, 200, 100)), run(series(9, 200, 60, 20, 300)), {
      seed: 7,
      iterations: 400,
    });
    const [only] = result.comparisons;
    expect(only?.change.lower, formatComparison(result)).toBeGreaterThan(1);
    expect(only?.rank.pGreater).toBeGreaterThan(0.5);
    expect(only?.verdict).toBe('no-change');
    expect(result.regressions).toBe(0);
  });

  it('a faster run within minEffect is no change, even when the rank test finds it faster', async () => {
    const base = series(10, 200, 100);
    const current = series(11, 200, 97);
    expect(mannWhitneyU(current, base).pGreater).toBeLessThan(0.001);
    const result = await compareRuns(run(base), run(current), { seed: 7, iterations: 400 });
    expect(result.comparisons[0]?.change.upper, formatComparison(result)).toBeGreaterThan(-0.1);
    expect(result.comparisons[0]?.verdict).toBe('no-change');
  });

  it('both limits are strict: a bound exactly at minEffect, or a p-value exactly at alpha, is no verdict', async () => {
    const options = { seed: 7, iterations: 400 };
    const [base, slower, faster] = [series(12, 200, 100), series(13, 200, 200), series(14, 200, 50)];
    const [baseRun, slowerRun, fasterRun] = [run(base), run(slower), run(faster)];
    const slow = (await compareRuns(baseRun, slowerRun, options)).comparisons[0];
    const fast = (await compareRuns(baseRun, fasterRun, options)).comparisons[0];
    expect([slow?.verdict, fast?.verdict]).toEqual(['regression', 'improvement']);
    const verdict = async (dir: string, more: { minEffect?: number; alpha?: number }): Promise<string> =>
      (await compareRuns(baseRun, dir, { ...options, ...more })).comparisons[0]?.verdict ?? 'none';
    expect(await verdict(slowerRun, { minEffect: slow?.change.lower ?? 0 })).toBe('no-change');
    expect(await verdict(slowerRun, { alpha: slow?.rank.pGreater ?? 0 })).toBe('no-change');
    expect(await verdict(fasterRun, { minEffect: -(fast?.change.upper ?? 0) })).toBe('no-change');
    expect(await verdict(fasterRun, { alpha: mannWhitneyU(faster, base).pGreater })).toBe('no-change');
  });
});
