import { describe, expect, it } from 'vitest';
import {
  createMetricsEngine,
  textSummary,
  type LegacySummaryData,
  type MetricsEngine,
  type SummaryState,
  type ThresholdSpec,
} from '../../../src/engine/metrics/index.js';
import { isHarnessError } from '../../../src/errors/index.js';

/**
 * The edges of the local engine's pass/fail decision a user relies on: what an object threshold
 * defaults to, which expressions parse, what a metric without samples does mid-run, which
 * samples a built-in sub-metric counts, which values are refused, and how the text summary marks
 * a metric whose thresholds disagree.
 */
const T0 = 1_700_000_000_000;
const STATE: SummaryState = {
  testRunDurationMs: 1000,
  isStdOutTTY: false,
  isStdErrTTY: false,
  checks: [],
  groups: [],
  options: {},
  scriptPath: 'script.js',
};

function engineWith(thresholds: Record<string, ThresholdSpec[]>): MetricsEngine {
  const engine = createMetricsEngine();
  engine.define('my_rate', 'rate');
  engine.define('my_gauge', 'gauge');
  engine.define('my_trend', 'trend', 'time');
  engine.setThresholds(thresholds);
  return engine;
}

const add = (engine: MetricsEngine, metric: string, value: number, tags: Record<string, string> = {}): void =>
  engine.add({ metric, time: T0, value, tags });

function invalidThreshold(expression: string): string {
  try {
    engineWith({ my_trend: [expression] });
    return 'accepted';
  } catch (error) {
    return isHarnessError(error) ? error.code : String(error);
  }
}

describe('threshold parsing', () => {
  it('an object threshold without abortOnFail does not abort when it fails', () => {
    const engine = engineWith({ my_rate: [{ threshold: 'rate>0.9' }] });
    add(engine, 'my_rate', 0);
    const mid = engine.evaluateThresholds(60_000);
    expect(mid.results[0]).toEqual({
      metric: 'my_rate',
      expression: 'rate>0.9',
      ok: false,
      abortOnFail: false,
    });
    expect(mid.abort).toBe(false);
  });

  it('p(100) is the maximum, p(0) the minimum; p(100.5) is refused', () => {
    const engine = engineWith({ my_trend: ['p(100)==9', 'p(100)<9', 'p(0)==1'] });
    for (const v of [1, 5, 9]) add(engine, 'my_trend', v);
    expect(engine.evaluateThresholds(1000, { final: true }).results.map((r) => r.ok)).toEqual([
      true,
      false,
      true,
    ]);
    expect(invalidThreshold('p(100.5)<1')).toBe('HARNESS_ERR_THRESHOLD_INVALID');
  });

  it('the whole expression must parse: a unit, a suffix or a prefix is refused, not read as the number', () => {
    for (const expression of ['p(95)<200ms', 'p(95)<200 ms', 'avg<1x', 'xavg<1', 'p(95)<200<300'])
      expect(invalidThreshold(expression), expression).toBe('HARNESS_ERR_THRESHOLD_INVALID');
    expect(invalidThreshold(' p(95) < 200 ')).toBe('accepted');
  });
});

describe('metrics without samples during the run', () => {
  it('an empty Rate or Gauge is not evaluated mid-run, so abortOnFail cannot fire before anything was measured', () => {
    const engine = engineWith({
      my_rate: [{ threshold: 'rate>0.5', abortOnFail: true }],
      my_gauge: [{ threshold: 'value>0', abortOnFail: true }],
    });
    const before = engine.evaluateThresholds(30_000);
    expect(before.results.map((r) => r.ok)).toEqual([true, true]);
    expect(before.abort).toBe(false);
    // The clean counterpart: once measured, the same thresholds fail and abort.
    add(engine, 'my_rate', 0);
    add(engine, 'my_gauge', 0);
    const after = engine.evaluateThresholds(30_000);
    expect(after.results.map((r) => r.ok)).toEqual([false, false]);
    expect(after.abort).toBe(true);
  });
});

describe('samples', () => {
  it('http_req_duration{expected_response:true} counts only requests with an expected response', () => {
    const engine = createMetricsEngine();
    for (const ms of [10, 20, 30]) add(engine, 'http_req_duration', ms, { expected_response: 'true' });
    add(engine, 'http_req_duration', 5000, { expected_response: 'false' });
    add(engine, 'http_req_duration', 4000, {});
    const data = engine.legacySummary(STATE) as LegacySummaryData;
    expect(data.metrics['http_req_duration{expected_response:true}']?.values).toMatchObject({
      min: 10,
      max: 30,
      avg: 20,
    });
    expect(data.metrics.http_req_duration?.values.max).toBe(5000);
  });

  it('refuses NaN and ±Infinity with HARNESS_ERR_METRIC_INVALID naming the metric; finite values are kept', () => {
    const engine = engineWith({});
    for (const value of [NaN, Infinity, -Infinity]) {
      let error: unknown;
      try {
        add(engine, 'my_trend', value);
      } catch (e) {
        error = e;
      }
      expect(isHarnessError(error) && error.code, String(value)).toBe('HARNESS_ERR_METRIC_INVALID');
      expect((error as Error).message).toContain('"my_trend"');
    }
    add(engine, 'my_trend', 0);
    add(engine, 'my_trend', -3);
    const data = engine.legacySummary(STATE) as LegacySummaryData;
    expect(data.metrics.my_trend?.values).toMatchObject({ min: -3, max: 0 });
  });
});

describe('text summary marks', () => {
  it('a metric with one passing and one failing threshold is shown ✗; with both passing ✓', () => {
    const engine = engineWith({ my_trend: ['max<100', 'p(95)<3'], my_rate: ['rate>0.1', 'rate<1'] });
    for (const v of [1, 5, 9]) add(engine, 'my_trend', v);
    add(engine, 'my_rate', 1);
    add(engine, 'my_rate', 0);
    const text = textSummary(engine.legacySummary(STATE), { enableColors: false });
    expect(text).toMatch(/✗ my_trend\.+:/);
    expect(text).toMatch(/✓ my_rate\.+:/);
  });
});
