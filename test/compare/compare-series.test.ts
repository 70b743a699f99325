import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, seededRandom } from '../../src/compare/index.js';
import type { FixtureSample } from '../fixtures/k6-json-output.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

/**
 * Which series compareRuns compares and on how many values: the series both runs have, in a
 * stable order, each side subsampled to maxSamples (4000 unless told). Seeded synthetic runs:
 * nothing is measured, so nothing here depends on the machine.
 */
let reports: string;
beforeAll(() => {
  reports = mkdtempSync(join(tmpdir(), 'harness-compare-series-'));
});
afterAll(() => rmSync(reports, { recursive: true, force: true }));

/** `count` seeded durations around 100 ms for each (metric, endpoint), interleaved in the given order. */
function run(seed: number, count: number, series: readonly (readonly [string, string])[]): string {
  const random = seededRandom(seed);
  const samples: FixtureSample[] = [];
  for (let i = 0; i < count; i += 1)
    for (const [metric, endpoint] of series)
      samples.push({
        metric,
        time: Date.UTC(2026, 0, 1) + i * 10,
        value: 90 + 20 * random(),
        tags: { endpoint, status: '200' },
      });
  return writeRunFolder(reports, { runId: fixtureRunId() }, samples);
}

const options = { seed: 3, iterations: 20 };
const counts = (r: Awaited<ReturnType<typeof compareRuns>>): number[][] =>
  r.comparisons.map((c) => [c.baselineCount, c.currentCount]);

describe('compareRuns series and sample counts', () => {
  it('compares at most 4000 values a side by default, and at most maxSamples when given', async () => {
    const one = [['http_req_duration', 'executeWorkflow']] as const;
    const [base, current] = [run(1, 4100, one), run(2, 4050, one)];
    expect(counts(await compareRuns(base, current, options))).toEqual([[4000, 4000]]);
    expect(counts(await compareRuns(base, current, { ...options, maxSamples: 50 }))).toEqual([[50, 50]]);
    // Below the cap every value is compared.
    expect(counts(await compareRuns(base, current, { ...options, maxSamples: 4080 }))).toEqual([
      [4080, 4050],
    ]);
  });

  it('a series only one run has is left out, not an error', async () => {
    const base = run(3, 30, [
      ['http_req_duration', 'executeWorkflow'],
      ['http_req_duration', 'retiredEndpoint'],
    ]);
    const current = run(4, 30, [
      ['http_req_duration', 'executeWorkflow'],
      ['http_req_duration', 'newEndpoint'],
    ]);
    for (const [a, b] of [
      [base, current],
      [current, base],
    ] as const) {
      const result = await compareRuns(a, b, options);
      expect(result.comparisons.map((c) => c.endpoint)).toEqual(['executeWorkflow']);
    }
  });

  it('comparisons come in the same order whatever order the samples arrived in: by metric, then series', async () => {
    const arrival = [
      ['http_req_duration', 'zeta'],
      ['http_req_duration', 'alpha'],
      ['api_time', 'mid'],
      ['http_req_duration', 'mid'],
    ] as const;
    const result = await compareRuns(run(5, 25, arrival), run(6, 25, [...arrival].reverse()), options);
    expect(result.comparisons.map((c) => [c.metric, c.endpoint])).toEqual([
      ['api_time', 'mid'],
      ['http_req_duration', 'alpha'],
      ['http_req_duration', 'mid'],
      ['http_req_duration', 'zeta'],
    ]);
  });
});
