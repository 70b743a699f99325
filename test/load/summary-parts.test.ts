import { emptyAggregates } from '../../src/compare/index.js';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_DEFAULT_HOST, buildLoadSummary, dashboardEnv } from '../../src/load/index.js';
import { parseThreshold } from '../../src/load/threshold-expression.js';

describe('threshold keys and expressions', () => {
  it('splits a sub-metric key and an expression the way k6 reads them', () => {
    expect(
      parseThreshold(`http_req_duration{ endpoint : executeWorkflow, workflow:"fast"}`, 'p( 99.9 ) <= 1e3'),
    ).toEqual({
      name: 'http_req_duration',
      tags: { endpoint: 'executeWorkflow', workflow: 'fast' },
      aggregation: 'p(99.9)',
      operator: '<=',
      limit: 1000,
    });
    expect(parseThreshold('checks', 'rate===1')).toMatchObject({
      tags: {},
      aggregation: 'rate',
      operator: '===',
    });
  });

  it('gives up on what is not a threshold, and the summary still keeps the verdict', () => {
    expect(parseThreshold('m', 'p95 < 3')).toBeUndefined();
    expect(parseThreshold('m{a:b', 'rate<1')).toBeUndefined();
    const summary = buildLoadSummary(
      {
        metrics: {
          m: {
            type: 'rate',
            contains: 'default',
            values: { rate: 1 },
            thresholds: { 'p95 < 3': { ok: false } },
          },
        },
      },
      { engine: { kind: 'local', version: null }, scenario: 's', samples: emptyAggregates() },
    );
    expect(summary.thresholds).toEqual([
      {
        metric: 'm',
        name: 'm',
        tags: {},
        scenario: null,
        expression: 'p95 < 3',
        aggregation: null,
        operator: null,
        limit: null,
        measured: null,
        measuredFrom: 'none',
        ok: false,
      },
    ]);
    expect(summary.thresholdsPassed).toBe(false);
  });

  it('flattens checks from nested groups, sorts metrics by name and their statistics in one order', () => {
    const summary = buildLoadSummary(
      {
        metrics: {
          b: { type: 'counter', contains: 'default', values: { rate: 1, count: 1 } },
          c: { type: 'trend', contains: 'time', values: { 'p(95)': 3, max: 4, avg: 2, 'p(99)': 5 } },
          a: { type: 'gauge', contains: 'default', values: { value: 1, min: 1, max: 1 } },
        },
        root_group: {
          checks: [{ path: '::top', name: 'top', passes: 1, fails: 0 }],
          groups: [{ checks: [{ path: '::g::inner', name: 'inner', passes: 0, fails: 2 }], groups: [] }],
        },
        state: { testRunDurationMs: 1234 },
        options: { summaryTrendStats: ['avg', 'max', 'p(95)'] },
      },
      { engine: { kind: 'k6', version: '2.2.0' }, scenario: 's', samples: emptyAggregates() },
    );
    expect(summary.checks.map((c) => c.path)).toEqual(['::top', '::g::inner']);
    // Statistics in one order whatever order the engine wrote them in (k6: Go's random map order).
    expect(summary.metrics.map((m) => `${m.name}: ${Object.keys(m.values).join(' ')}`)).toEqual([
      'a: value min max',
      'b: count rate',
      'c: avg max p(95) p(99)',
    ]);
    expect(summary).toMatchObject({ durationMs: 1234, thresholdsPassed: true, thresholds: [] });
  });
});

describe("k6's web dashboard", () => {
  it('listens on loopback unless the user names a host, and can be turned off', () => {
    expect(dashboardEnv({}, '/tmp/d.html')).toEqual({
      K6_WEB_DASHBOARD: 'true',
      K6_WEB_DASHBOARD_EXPORT: '/tmp/d.html',
      K6_WEB_DASHBOARD_OPEN: 'false',
      K6_WEB_DASHBOARD_HOST: DASHBOARD_DEFAULT_HOST,
    });
    expect(DASHBOARD_DEFAULT_HOST).toBe('127.0.0.1');
    expect(dashboardEnv({ K6_WEB_DASHBOARD_HOST: '0.0.0.0' }, 'x').K6_WEB_DASHBOARD_HOST).toBe('0.0.0.0');
    expect(dashboardEnv({ K6_WEB_DASHBOARD: 'false' }, 'x')).toEqual({});
  });
});
