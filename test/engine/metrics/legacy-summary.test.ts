import { describe, expect, it } from 'vitest';
import {
  createMetricsEngine,
  type LegacySummaryData,
  type SummaryState,
} from '../../../src/engine/metrics/index.js';

/**
 * handleSummary's `data` (k6's classic shape) in the cases summaries.test.ts does not reach: the
 * options as the script set them, a test that took no time, metrics a threshold names without
 * samples, and the order the metrics come in.
 */
const STATE: SummaryState = {
  testRunDurationMs: 0,
  isStdOutTTY: true,
  isStdErrTTY: false,
  checks: [],
  groups: [],
  options: {},
  scriptPath: 'script.js',
};

function data(options: Record<string, unknown> = {}, durationMs = 0): LegacySummaryData {
  const engine = createMetricsEngine();
  engine.define('idle_gauge', 'gauge');
  engine.define('b_counter', 'counter');
  engine.define('a_rate', 'rate');
  engine.setThresholds({
    idle_gauge: ['value<10'],
    'http_req_duration{endpoint:never}': ['p(95)<100', 'max<200'],
    b_counter: ['count>1'],
  });
  const add = (metric: string, value: number): void => engine.add({ metric, time: 0, value, tags: {} });
  add('b_counter', 4);
  add('a_rate', 1);
  add('a_rate', 0);
  add('http_req_duration', 50);
  return engine.legacySummary({ ...STATE, options, testRunDurationMs: durationMs }) as LegacySummaryData;
}

describe('legacy summary data (handleSummary)', () => {
  it('passes summaryTimeUnit and noColor on as the script set them, and defaults when it did not', () => {
    expect(data({ summaryTimeUnit: 'ms', noColor: true }).options).toEqual({
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'],
      summaryTimeUnit: 'ms',
      noColor: true,
    });
    expect(data({ summaryTimeUnit: 5, noColor: 'yes' }).options).toMatchObject({
      summaryTimeUnit: '',
      noColor: false,
    });
    expect(data().state).toEqual({ isStdOutTTY: true, isStdErrTTY: false, testRunDurationMs: 0 });
  });

  it('a counter in a test that took no time has rate 0, and per second otherwise', () => {
    expect(data().metrics.b_counter?.values).toEqual({ count: 4, rate: 0 });
    expect(data({}, 2000).metrics.b_counter?.values).toEqual({ count: 4, rate: 2 });
  });

  it('shows a thresholded gauge and sub-metric without samples as zeros, with their threshold results', () => {
    const d = data();
    expect(d.metrics.idle_gauge).toEqual({
      type: 'gauge',
      contains: 'default',
      values: { value: 0, min: 0, max: 0 },
      thresholds: { 'value<10': { ok: true } },
    });
    expect(d.metrics['http_req_duration{endpoint:never}']).toMatchObject({
      type: 'trend',
      contains: 'time',
      values: { avg: 0, min: 0, max: 0 },
      thresholds: { 'p(95)<100': { ok: true }, 'max<200': { ok: true } },
    });
    // Its parent's thresholds are its own: none.
    expect(d.metrics.http_req_duration).not.toHaveProperty('thresholds');
    expect(d.metrics.a_rate).toEqual({
      type: 'rate',
      contains: 'default',
      values: { rate: 0.5, passes: 1, fails: 1 },
    });
  });

  it('lists the metrics by name, sub-metrics after their metric, unsampled ones without thresholds left out', () => {
    expect(Object.keys(data().metrics)).toEqual([
      'a_rate',
      'b_counter',
      'http_req_duration',
      'http_req_duration{endpoint:never}',
      'idle_gauge',
    ]);
  });
});
