import { describe, expect, it } from 'vitest';
import { addPoint, emptyAggregates, groupTrends, type RunAggregates } from '../../src/compare/index.js';

/**
 * Which series a comparison judges: time-valued trends only (a byte count or a counter has no
 * "slower"), minus the connection phases and iteration_duration, whose changes come from
 * keep-alive luck and think time rather than from the deployment.
 */

/**
 * Aggregates holding ten values of each metric on one endpoint, then `declared` as Metric
 * lines would declare them. Every series was created before its declaration, so each keeps a
 * reservoir: what is tested is the choice by declaration, not whether values were kept.
 */
function aggregates(
  metrics: readonly string[],
  declared: Record<string, { type: string; contains: string }>,
  reservoir = 100,
): RunAggregates {
  const into = emptyAggregates({ reservoir, seed: 1 });
  for (const metric of metrics)
    for (let i = 0; i < 10; i += 1) addPoint(into, metric, 10 + i, i, { endpoint: 'executeWorkflow' });
  for (const [name, d] of Object.entries(declared)) into.metrics.set(name, { name, ...d });
  return into;
}

const TIME_TREND = { type: 'trend', contains: 'time' };
const compared = (set: RunAggregates): string[] => [...groupTrends(set).values()].map((e) => e.metric).sort();

describe('groupTrends', () => {
  it('an undeclared metric is compared only when it is http_req_duration', () => {
    const set = aggregates(['http_req_duration', 'my_wait'], {});
    expect(compared(set)).toEqual(['http_req_duration']);
    const entry = groupTrends(set).get('http_req_duration\u0000executeWorkflow');
    expect(entry?.series).toBe('executeWorkflow');
    expect(entry?.aggregate.reservoir?.values).toHaveLength(10);
  });

  it('a declared time trend is compared; a non-time trend, a counter or a gauge holding times is not', () => {
    const set = aggregates(['db_time', 'payload_bytes', 'wait_ms_total', 'queue_wait'], {
      db_time: TIME_TREND,
      payload_bytes: { type: 'trend', contains: 'data' },
      wait_ms_total: { type: 'counter', contains: 'time' },
      queue_wait: { type: 'gauge', contains: 'time' },
    });
    expect(compared(set)).toEqual(['db_time']);
  });

  it('the connection phases and iteration_duration are skipped; the other request phases are compared', () => {
    const phases = ['blocked', 'connecting', 'tls_handshaking', 'sending', 'receiving'].map(
      (p) => `http_req_${p}`,
    );
    const metrics = [...phases, 'iteration_duration', 'http_req_waiting', 'http_req_duration'];
    const set = aggregates(metrics, Object.fromEntries(metrics.map((m) => [m, TIME_TREND])));
    expect(compared(set)).toEqual(['http_req_duration', 'http_req_waiting']);
  });

  it('a custom time trend whose name merely contains a skipped name is compared', () => {
    const metrics = [
      'checkout_http_req_blocked',
      'http_req_blocked_retry',
      'warmup_iteration_duration',
      'iteration_duration_ms',
    ];
    const set = aggregates(metrics, Object.fromEntries(metrics.map((m) => [m, TIME_TREND])));
    expect(compared(set)).toEqual([...metrics].sort());
  });

  it('a time trend that kept no values (aggregates read without a reservoir) is not compared', () => {
    const set = aggregates(['http_req_duration', 'db_time'], { db_time: TIME_TREND }, 0);
    expect(compared(set)).toEqual([]);
    // The clean case: the same series with a reservoir are compared.
    expect(compared(aggregates(['http_req_duration', 'db_time'], { db_time: TIME_TREND }))).toEqual([
      'db_time',
      'http_req_duration',
    ]);
  });
});
