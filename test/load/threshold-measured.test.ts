import { describe, expect, it } from 'vitest';
import { aggregatesOf, emptyAggregates, type RawSample } from '../../src/compare/index.js';
import { buildLoadSummary, isClassicSummaryData } from '../../src/load/build-load-summary.js';
import { measureFromSamples } from '../../src/load/measure-from-samples.js';
import type { ThresholdParts } from '../../src/load/threshold-expression.js';

/**
 * The value a threshold is judged on, as load-summary.json reports it: the engine's summary figure
 * when it has one, else the figure computed from the run's own samples (a p(99) outside
 * summaryTrendStats), else "none" — never a made-up 0; and the summary's order of thresholds,
 * metrics and statistics, the same whichever engine wrote them.
 */

// 10 durations of the sync endpoint (10…100 ms) and one much slower background call.
const samples = aggregatesOf([
  ...Array.from({ length: 10 }, (_, i): RawSample => ({
    metric: 'http_req_duration',
    time: 1_000 + i,
    value: 10 * (i + 1),
    tags: { endpoint: 'executeWorkflow', scenario: 'sync-latency' },
  })),
  { metric: 'http_req_duration', time: 2_000, value: 5_000, tags: { endpoint: 'background', scenario: 'x' } },
]);
const sync = (aggregation: string): ThresholdParts => ({
  name: 'http_req_duration',
  tags: { endpoint: 'executeWorkflow' },
  aggregation,
  operator: '<',
  limit: 1,
});

describe('a threshold measured from the run’s samples', () => {
  it('avg, min, max, med and percentiles of the matching samples only, percentiles as k6 interpolates them', () => {
    expect(measureFromSamples(samples, sync('avg'))).toBe(55);
    expect(measureFromSamples(samples, sync('min'))).toBe(10);
    expect(measureFromSamples(samples, sync('max'))).toBe(100);
    expect(measureFromSamples(samples, sync('med'))).toBe(55);
    expect(measureFromSamples(samples, sync('p(90)'))).toBeCloseTo(91, 9);
    expect(measureFromSamples(samples, sync('p(99.5)'))).toBeCloseTo(99.55, 9);
    expect(measureFromSamples(samples, sync('p(99.95)'))).toBeCloseTo(99.955, 9);
    // Without a filter the background call counts too.
    expect(measureFromSamples(samples, { ...sync('max'), tags: {} })).toBe(5_000);
  });

  it('is undefined for what the summary always has, for a malformed percentile, and when nothing matches', () => {
    for (const aggregation of ['count', 'rate', 'value', 'p(95', 'p95', 'xp(95)', 'p(95)x', 'p()'])
      expect(measureFromSamples(samples, sync(aggregation)), aggregation).toBeUndefined();
    expect(measureFromSamples(samples, { ...sync('avg'), tags: { endpoint: 'none' } })).toBeUndefined();
    expect(measureFromSamples(samples, { ...sync('p(50)'), name: 'iteration_duration' })).toBeUndefined();
  });
});

const data = {
  metrics: {
    http_req_duration: {
      type: 'trend',
      contains: 'time',
      values: { avg: 55, 'p(95)': 95.5 },
      thresholds: { 'p(95)<90': { ok: false }, 'avg<100': { ok: true } },
    },
    'http_req_duration{endpoint:executeWorkflow,scenario:sync-latency}': {
      type: 'trend',
      contains: 'time',
      values: { avg: 55 },
      thresholds: { 'p(90)<95': { ok: true } },
    },
    'http_req_duration{endpoint:nothing}': {
      type: 'trend',
      contains: 'time',
      values: {},
      thresholds: { 'p(99)<1': { ok: true } },
    },
  },
};

describe('load-summary.json’s thresholds', () => {
  // Built in each test, not while the file is collected (a throw there would fail no test).
  const summary = () =>
    buildLoadSummary(data, {
      engine: { kind: 'k6', version: '2.2.0' },
      scenario: 'sync-latency',
      samples,
    });

  it('sorted by metric then expression; each with the value it was judged on and where that came from', () => {
    expect(
      summary().thresholds.map((t) => [t.metric, t.expression, t.measured, t.measuredFrom, t.ok]),
    ).toEqual([
      ['http_req_duration', 'avg<100', 55, 'summary', true],
      ['http_req_duration', 'p(95)<90', 95.5, 'summary', false],
      ['http_req_duration{endpoint:executeWorkflow,scenario:sync-latency}', 'p(90)<95', 91, 'samples', true],
      ['http_req_duration{endpoint:nothing}', 'p(99)<1', null, 'none', true],
    ]);
    expect(summary().thresholdsPassed).toBe(false);
  });

  it('a sub-metric threshold names its metric, tags, scenario, aggregation, operator and limit', () => {
    expect(summary().thresholds[2]).toEqual({
      metric: 'http_req_duration{endpoint:executeWorkflow,scenario:sync-latency}',
      name: 'http_req_duration',
      tags: { endpoint: 'executeWorkflow', scenario: 'sync-latency' },
      scenario: 'sync-latency',
      expression: 'p(90)<95',
      aggregation: 'p(90)',
      operator: '<',
      limit: 95,
      measured: expect.closeTo(91, 9) as number,
      measuredFrom: 'samples',
      ok: true,
    });
    expect(summary().thresholds[0]).toMatchObject({ name: 'http_req_duration', tags: {}, scenario: null });
  });

  it('passes when every threshold passed (an engine that omits ok counts as passed), and has no duration unknown as 0', () => {
    const passed = buildLoadSummary(
      {
        metrics: {
          checks: {
            type: 'rate',
            contains: 'default',
            values: { rate: 1 },
            thresholds: { 'rate>0.9': {} as { ok: boolean } },
          },
        },
      },
      { engine: { kind: 'local', version: null }, scenario: 's', samples: emptyAggregates() },
    );
    expect(passed).toMatchObject({ thresholdsPassed: true, durationMs: 0, checks: [] });
    expect(passed.thresholds[0]).toMatchObject({ measured: 1, measuredFrom: 'summary', ok: true });
  });
});

describe('load-summary.json’s metrics and checks', () => {
  it('a trend lists summaryTrendStats’ order, then the fixed order, then the rest by name; other types ignore summaryTrendStats', () => {
    const summary = buildLoadSummary(
      {
        metrics: {
          t: {
            type: 'trend',
            contains: 'time',
            values: { zeta: 1, avg: 1, 'p(99)': 1, alpha: 1, min: 1, max: 1 },
          },
          g: { type: 'gauge', contains: 'default', values: { max: 1, zeta: 1, value: 1, min: 1 } },
        },
        options: { summaryTrendStats: ['p(99)', 'max'] },
      },
      { engine: { kind: 'local', version: null }, scenario: 's', samples: emptyAggregates() },
    );
    expect(summary.metrics.map((m) => [m.name, Object.keys(m.values)])).toEqual([
      ['g', ['value', 'min', 'max', 'zeta']],
      ['t', ['p(99)', 'max', 'avg', 'min', 'alpha', 'zeta']],
    ]);
  });

  it('every other metric lists count, rate, passes, fails, value, avg, min, med, max, then the rest by name', () => {
    const summary = buildLoadSummary(
      {
        metrics: {
          c: {
            type: 'counter',
            contains: 'default',
            values: {
              alpha: 1,
              max: 1,
              med: 1,
              min: 1,
              avg: 1,
              value: 1,
              fails: 1,
              passes: 1,
              rate: 1,
              count: 1,
            },
          },
        },
      },
      { engine: { kind: 'local', version: null }, scenario: 's', samples: emptyAggregates() },
    );
    expect(Object.keys(summary.metrics[0]?.values ?? {})).toEqual([
      'count',
      'rate',
      'passes',
      'fails',
      'value',
      'avg',
      'min',
      'med',
      'max',
      'alpha',
    ]);
  });

  it('a trend without summaryTrendStats uses the fixed order', () => {
    const summary = buildLoadSummary(
      { metrics: { t: { type: 'trend', contains: 'time', values: { max: 1, 'p(90)': 1, med: 1, avg: 1 } } } },
      { engine: { kind: 'local', version: null }, scenario: 's', samples: emptyAggregates() },
    );
    expect(Object.keys(summary.metrics[0]?.values ?? {})).toEqual(['avg', 'med', 'max', 'p(90)']);
  });

  it('checks from a group with no checks of its own still come from its sub-groups', () => {
    const summary = buildLoadSummary(
      {
        metrics: {},
        root_group: {
          groups: [{ groups: [{ checks: [{ path: '::a::b::c', name: 'c', passes: 3, fails: 1 }] }] }],
        },
      },
      { engine: { kind: 'local', version: null }, scenario: 's', samples: emptyAggregates() },
    );
    expect(summary.checks).toEqual([{ path: '::a::b::c', name: 'c', passes: 3, fails: 1 }]);
  });
});

describe('what counts as handleSummary data', () => {
  it('an object whose metrics all have values; anything else is not', () => {
    expect(isClassicSummaryData({ metrics: {} })).toBe(true);
    expect(isClassicSummaryData({ metrics: { a: { values: {} } } })).toBe(true);
    for (const bad of [
      null,
      undefined,
      7,
      {},
      { metrics: null },
      { metrics: 'x' },
      { metrics: { a: null } },
      { metrics: { a: { values: 3 } } },
      { metrics: { a: { values: {} }, b: {} } },
    ])
      expect(isClassicSummaryData(bad), JSON.stringify(bad)).toBe(false);
  });
});
