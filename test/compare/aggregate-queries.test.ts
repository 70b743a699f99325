import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXACT_LIMIT,
  RELATIVE_ERROR,
  ValueStats,
  emptyAggregates,
  mergeAggregates,
  quantileSorted,
  readAggregates,
  readRunAggregates,
  readRunSamples,
  seriesOf,
  statsOf,
  sumOf,
  type RawSample,
} from '../../src/compare/index.js';
import { histogramChart, throughputChart } from '../../src/report/charts.js';
import { summarizeSamples } from '../../src/report/summarize-run.js';
import { bucketIndex, logBucketBounds } from '../../src/report/log-buckets.js';
import { richSamples } from '../fixtures/rich-run.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

/**
 * What the report and `harness load` compute from the streamed aggregates, against the same
 * statistics computed independently from every raw sample of the same file: equal while a series
 * holds at most EXACT_LIMIT values (today's fixtures), within the histogram's stated error beyond.
 */
let reports: string;
beforeAll(() => {
  reports = mkdtempSync(join(tmpdir(), 'harness-agg-'));
});
afterAll(() => rmSync(reports, { recursive: true, force: true }));

const sorted = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();
const durations = (points: readonly RawSample[], endpoint: string): number[] =>
  points.filter((p) => p.metric === 'http_req_duration' && seriesOf(p) === endpoint).map((p) => p.value);

describe('the report summary from streamed aggregates', () => {
  it('equals the statistics of the raw samples on a fixture run (every series exact)', async () => {
    const dir = writeRunFolder(reports, { runId: fixtureRunId() }, richSamples(3, 60));
    const raw = (await readRunSamples(dir)).points;
    const set = await readRunAggregates(dir, { reservoir: 0 });
    const summary = summarizeSamples(set);
    expect(summary.endpoints.map((e) => e.endpoint)).toEqual([
      'executeWorkflow',
      'executeWorkflowBackground',
      'getConversationById',
    ]);
    for (const e of summary.endpoints) {
      const values = durations(raw, e.endpoint);
      const s = sorted(values);
      expect(e.count).toBe(values.length);
      for (const [q, got] of [
        [0.5, e.p50],
        [0.9, e.p90],
        [0.95, e.p95],
        [0.99, e.p99],
      ] as const)
        expect(got).toBe(quantileSorted(s, q));
      expect(e.max).toBe(s[s.length - 1]);
      const failed = raw.filter(
        (p) => p.metric === 'http_req_duration' && seriesOf(p) === e.endpoint && p.tags.status !== '200',
      ).length;
      expect(e.failed).toBe(failed);
    }
    const completion = sorted(raw.filter((p) => p.metric === 'bg_time_to_completion').map((p) => p.value));
    expect(summary.completionP95).toBe(quantileSorted(completion, 0.95));
    expect(summary.creditsUsed).toBe(
      raw.filter((p) => p.metric === 'credits_used').reduce((n, p) => n + p.value, 0),
    );
    const times = raw.map((p) => p.time);
    expect(summary.durationS).toBe((Math.max(...times) - Math.min(...times)) / 1000);

    // The latency histogram puts each raw value in its bucket; the throughput chart counts every request.
    const spec = histogramChart(set, summary)!;
    const all = raw.filter((p) => p.metric === 'http_req_duration').map((p) => p.value);
    const bounds = logBucketBounds(Math.min(...all), Math.max(...all));
    const datasets = (spec.config.data as { datasets: { label: string; data: number[] }[] }).datasets;
    for (const d of datasets) {
      const expected = new Array<number>(bounds.length - 1).fill(0);
      for (const v of durations(raw, d.label)) expected[bucketIndex(bounds, v)] += 1;
      expect(d.data).toEqual(expected);
    }
    const flow = throughputChart(set, summary)!;
    const rates = (flow.config.data as { datasets: { data: number[] }[] }).datasets.flatMap((d) => d.data);
    expect(rates.reduce((a, b) => a + b, 0)).toBe(all.length);
  });

  it('past EXACT_LIMIT values a series answers from its histogram, within the stated error', () => {
    const stats = new ValueStats();
    const values: number[] = [];
    for (let i = 0; i < EXACT_LIMIT * 3; i += 1) {
      const v = 1 + ((i * 7919) % 10_007) / 7;
      values.push(v);
      stats.add(v);
    }
    expect(stats.exact).toBeUndefined();
    const s = sorted(values);
    for (const q of [0.5, 0.95, 0.99]) {
      const atRank = s[Math.floor(q * (s.length - 1))];
      expect(Math.abs(stats.quantile(q) / atRank - 1)).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);
    }
    expect(stats.count).toBe(values.length);
    expect(stats.max).toBe(s[s.length - 1]);
  });
});

describe('aggregates merge across files', () => {
  it('two files read apart and merged equal the two read into one set (counts, sums, histograms, tag sets)', async () => {
    const a = writeRunFolder(reports, { runId: fixtureRunId() }, richSamples(5, 30));
    const b = writeRunFolder(reports, { runId: fixtureRunId() }, richSamples(6, 30));
    const together = emptyAggregates();
    await readAggregates(join(a, 'samples.json.gz'), together);
    await readAggregates(join(b, 'samples.json.gz'), together);
    const merged = mergeAggregates(await readRunAggregates(a), await readRunAggregates(b));
    expect(merged.points).toBe(together.points);
    expect([...merged.series.keys()].sort()).toEqual([...together.series.keys()].sort());
    for (const [key, entry] of together.series) {
      const m = merged.series.get(key)!.aggregate;
      expect([m.count, m.min, m.max, m.firstTime, m.lastTime]).toEqual([
        entry.aggregate.count,
        entry.aggregate.min,
        entry.aggregate.max,
        entry.aggregate.firstTime,
        entry.aggregate.lastTime,
      ]);
      expect(m.sum).toBeCloseTo(entry.aggregate.sum, 6);
      expect([...m.histogram.counts]).toEqual([...entry.aggregate.histogram.counts]);
      expect(m.quantile(0.95)).toBe(entry.aggregate.quantile(0.95));
      expect([...m.perSecond].sort()).toEqual([...entry.aggregate.perSecond].sort());
    }
    expect(sumOf(merged, 'credits_used')).toBe(sumOf(together, 'credits_used'));
    expect(statsOf(merged, 'http_req_duration', { status: '504' })?.count).toBe(
      statsOf(together, 'http_req_duration', { status: '504' })?.count,
    );
  });
});
