import { describe, expect, it } from 'vitest';
import {
  createMetricsEngine,
  type LegacySummaryData,
  type MetricType,
  type ValueType,
} from '../../../src/engine/metrics/index.js';

/**
 * k6 v2.2.0's built-in metrics (metrics/builtin.go, RegisterBuiltinMetrics) that the local engine's
 * runtime emits, each with k6's type and value kind: what decides which threshold aggregations a
 * script may use on them (`rate<0.01` on http_req_failed) and how the summary prints them (bytes,
 * durations). group_duration is left out: the k6 module defines it when a script imports it.
 */
const K6_BUILTINS: readonly (readonly [string, MetricType, ValueType])[] = [
  ['vus', 'gauge', 'default'],
  ['vus_max', 'gauge', 'default'],
  ['iterations', 'counter', 'default'],
  ['iteration_duration', 'trend', 'time'],
  ['dropped_iterations', 'counter', 'default'],
  ['checks', 'rate', 'default'],
  ['http_reqs', 'counter', 'default'],
  ['http_req_failed', 'rate', 'default'],
  ['http_req_duration', 'trend', 'time'],
  ['http_req_blocked', 'trend', 'time'],
  ['http_req_connecting', 'trend', 'time'],
  ['http_req_tls_handshaking', 'trend', 'time'],
  ['http_req_sending', 'trend', 'time'],
  ['http_req_waiting', 'trend', 'time'],
  ['http_req_receiving', 'trend', 'time'],
  ['data_sent', 'counter', 'data'],
  ['data_received', 'counter', 'data'],
];

describe("k6's built-in metrics", () => {
  it('each exists without a definition, with k6 type and value kind', () => {
    const engine = createMetricsEngine();
    for (const [name] of K6_BUILTINS) engine.add({ metric: name, time: 0, value: 1, tags: {} });
    const metrics = (
      engine.legacySummary({
        testRunDurationMs: 1000,
        isStdOutTTY: false,
        isStdErrTTY: false,
        checks: [],
        groups: [],
        options: {},
        scriptPath: 's.js',
      }) as LegacySummaryData
    ).metrics;
    expect(K6_BUILTINS.map(([name]) => [name, metrics[name]?.type, metrics[name]?.contains])).toEqual(
      K6_BUILTINS,
    );
  });

  it('a script may declare one again with the same type, but not as another type', () => {
    const engine = createMetricsEngine();
    for (const [name, type, contains] of K6_BUILTINS)
      expect(engine.define(name, type, contains)).toEqual({ name, type, contains });
    expect(() => engine.define('http_req_failed', 'counter')).toThrow(/already a rate/);
  });
});
