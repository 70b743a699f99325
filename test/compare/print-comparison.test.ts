import { describe, expect, it } from 'vitest';
import { formatComparison, type ComparisonResult, type MetricComparison } from '../../src/compare/index.js';

/** The console table of `harness compare`, as a user reads it: aligned columns, signed percentages, n/a. */
const row = (over: Partial<MetricComparison>): MetricComparison => ({
  metric: 'http_req_duration',
  endpoint: 'executeWorkflow',
  baselineCount: 200,
  currentCount: 180,
  baselineP95: 12.34,
  currentP95: 25.01,
  change: { estimate: 1.0268, lower: 0.8, upper: 1.25 },
  rank: { u: 30000, z: 9, pGreater: 0.000012 },
  verdict: 'regression',
  ...over,
});

const result = (comparisons: MetricComparison[], regressions: number): ComparisonResult => ({
  baselineRun: 'base-run',
  currentRun: 'cur-run',
  minEffect: 0.1,
  alpha: 0.05,
  comparisons,
  regressions,
});

describe('formatComparison', () => {
  it('one aligned row per series: counts, p95s in ms, signed change and interval, p-value, verdict', () => {
    const text = formatComparison(
      result(
        [
          row({}),
          row({
            endpoint: 'getConversationById',
            baselineCount: 5,
            currentCount: 7,
            baselineP95: Number.NaN,
            currentP95: 3,
            change: { estimate: -0.5, lower: Number.NaN, upper: 0 },
            rank: { u: 0, z: 0, pGreater: 0.5 },
            verdict: 'insufficient-data',
          }),
        ],
        1,
      ),
    );
    expect(text).toBe(
      [
        'baseline base-run  vs  current cur-run  (regression = CI lower bound > +10.0% and rank test p < 0.05)',
        'metric             endpoint             n base/cur  p95 base  p95 cur  Δp95     95% CI             rank p  verdict',
        'http_req_duration  executeWorkflow      200/180     12.3ms    25.0ms   +102.7%  [+80.0%, +125.0%]  0.0000  REGRESSION',
        'http_req_duration  getConversationById  5/7         n/a       3.0ms    -50.0%   [n/a, +0.0%]       0.5000  insufficient-data',
        '1 regression(s)',
        '',
      ].join('\n'),
    );
  });

  it('no series in both runs is said in so many words, with no regression', () => {
    const lines = formatComparison(result([], 0)).split('\n');
    expect(lines.slice(1)).toEqual([
      'metric  endpoint  n base/cur  p95 base  p95 cur  Δp95  95% CI  rank p  verdict',
      '(no metric present in both runs)',
      'no regression',
      '',
    ]);
  });
});
