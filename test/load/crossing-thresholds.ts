/**
 * Thresholds a target profile adds to sync-latency so that a healthy run crosses two of them:
 * one judged on a statistic the engines summarise (p(95) of the scenario's own Trend) and one
 * on a percentile outside summaryTrendStats on a scenario-filtered sub-metric, which the
 * harness measures from the raw samples. No reference answers in under a microsecond.
 */
export const CROSSING_THRESHOLDS: Readonly<Record<string, string[]>> = {
  workflow_latency: ['p(95)<0.001'],
  'http_req_duration{scenario:sync-latency}': ['p(99)<0.001'],
};

/** The two crossed thresholds as load-run.json and load-summary.json report them. */
export const CROSSED = [
  {
    metric: 'http_req_duration{scenario:sync-latency}',
    name: 'http_req_duration',
    tags: { scenario: 'sync-latency' },
    scenario: 'sync-latency',
    expression: 'p(99)<0.001',
    aggregation: 'p(99)',
    operator: '<',
    limit: 0.001,
    measuredFrom: 'samples',
    ok: false,
  },
  {
    metric: 'workflow_latency',
    name: 'workflow_latency',
    tags: {},
    scenario: null,
    expression: 'p(95)<0.001',
    aggregation: 'p(95)',
    operator: '<',
    limit: 0.001,
    measuredFrom: 'summary',
    ok: false,
  },
] as const;
