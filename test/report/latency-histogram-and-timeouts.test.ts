import { describe, expect, it } from 'vitest';
import { aggregatesOf, type RawSample, type RunAggregates } from '../../src/compare/index.js';
import { bucketIndex, logBucketBounds } from '../../src/report/log-buckets.js';
import { histogramChart } from '../../src/report/charts.js';
import { summarizeSamples } from '../../src/report/summarize-run.js';

const set = (points: RawSample[]): RunAggregates => aggregatesOf(points);
const duration = (value: number, tags: Record<string, string>): RawSample => ({
  metric: 'http_req_duration',
  time: 1_000 + value,
  value,
  tags,
});

describe('log-scale (HDR-style) latency buckets', () => {
  it('cover [min, max] with 4 sub-buckets per doubling, each value in the bucket whose bounds hold it', () => {
    const bounds = logBucketBounds(3, 70_000);
    expect(bounds[0]).toBeLessThanOrEqual(3);
    expect(bounds.at(-1)).toBeGreaterThan(70_000);
    expect(bounds.indexOf(1024) - bounds.indexOf(512)).toBe(4);
    for (const v of [3, 3.4, 7.99, 8, 100, 1023, 1024, 45_000, 70_000]) {
      const i = bucketIndex(bounds, v);
      expect(bounds[i]).toBeLessThanOrEqual(v);
      expect(bounds[i + 1]).toBeGreaterThan(v);
    }
  });

  it('spread a fast bulk with a slow tail over many bars instead of one', () => {
    const points: RawSample[] = [];
    for (let i = 0; i < 900; i += 1) points.push(duration(4 + (i % 30), { endpoint: 'executeWorkflow' }));
    for (let i = 0; i < 100; i += 1) points.push(duration(20_000 + i * 300, { endpoint: 'executeWorkflow' }));
    const samples = set(points);
    const spec = histogramChart(samples, summarizeSamples(samples))!;
    const counts = (spec.config.data as { datasets: { data: number[] }[] }).datasets[0].data;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    // Equal-width buckets up to the max would put 900 of 1000 in the first bar.
    expect(Math.max(...counts)).toBeLessThan(300);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(8);
    expect(spec.title).toMatch(/log-scale/);
  });
});

describe('the latency table: expected server timeouts apart from failures', () => {
  it('counts a 504 the scenario expected (expected_response=true) as an expected timeout, not a failure', () => {
    const slow = { endpoint: 'executeWorkflow', workflow: 'slow' };
    const summary = summarizeSamples(
      set([
        duration(600, { ...slow, status: '504', expected_response: 'true' }),
        duration(610, { ...slow, status: '504', expected_response: 'true' }),
        duration(20, { ...slow, status: '200', expected_response: 'true' }),
        // Not expected: a failure whatever the status.
        duration(605, { ...slow, status: '504', expected_response: 'false' }),
        duration(15, { ...slow, status: '500', expected_response: 'false' }),
        duration(0, { ...slow, status: '0', expected_response: 'false' }),
      ]),
    );
    expect(summary.endpoints).toHaveLength(1);
    expect(summary.endpoints[0]).toMatchObject({ count: 6, failed: 3, expectedTimeouts: 2 });
  });
});
