import { describe, expect, it } from 'vitest';
import { aggregate, parseStatName, trendValues } from '../../../src/engine/metrics/aggregate.js';
import { CounterSink, GaugeSink, RateSink, TrendSink } from '../../../src/engine/metrics/sinks.js';
import type { Aggregation } from '../../../src/engine/metrics/threshold-parser.js';

/**
 * The number a threshold compares and a summary shows, per metric type and aggregation, as k6
 * computes it: an empty sink reads 0, a counter's rate is per second of the test, and an
 * aggregation the type does not have is NaN (a threshold on it can never pass by accident).
 */
const KINDS = ['avg', 'min', 'max', 'med', 'count', 'rate', 'value'] as const;
const AGGREGATIONS: readonly [string, Aggregation][] = [
  ...KINDS.map((kind): [string, Aggregation] => [kind, { kind }]),
  ['p(90)', { kind: 'p', pct: 0.9 }],
];
const all = (sink: Parameters<typeof aggregate>[0], durationMs = 2000): Record<string, number> =>
  Object.fromEntries(AGGREGATIONS.map(([name, a]) => [name, aggregate(sink, a, durationMs)]));

function filled<T extends { add(v: number): void }>(sink: T, values: number[]): T {
  for (const v of values) sink.add(v);
  return sink;
}

describe('aggregate', () => {
  it('a Trend: avg, min, max, med, p(N), count; rate and value are NaN', () => {
    expect(all(filled(new TrendSink(), [40, 10, 30, 20]))).toEqual({
      avg: 25,
      min: 10,
      max: 40,
      med: 25,
      count: 4,
      rate: Number.NaN,
      value: Number.NaN,
      'p(90)': 37,
    });
  });

  it('an empty Trend reads 0 for everything it has (k6 judges thresholds on it at the end)', () => {
    expect(all(new TrendSink())).toMatchObject({ avg: 0, min: 0, max: 0, med: 0, count: 0, 'p(90)': 0 });
  });

  it('a Counter: count, and rate per second of the test (0 for a test that took no time)', () => {
    expect(all(filled(new CounterSink(), [3, 2]), 2500)).toEqual({
      avg: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      med: Number.NaN,
      count: 5,
      rate: 2,
      value: Number.NaN,
      'p(90)': Number.NaN,
    });
    expect(aggregate(filled(new CounterSink(), [3]), { kind: 'rate' }, 0)).toBe(0);
  });

  it('a Gauge: the last value, min and max (0 when empty); the rest NaN', () => {
    expect(all(filled(new GaugeSink(), [5, -1, 3]))).toEqual({
      avg: Number.NaN,
      min: -1,
      max: 5,
      med: Number.NaN,
      count: Number.NaN,
      rate: Number.NaN,
      value: 3,
      'p(90)': Number.NaN,
    });
    expect(all(new GaugeSink())).toMatchObject({ value: 0, min: 0, max: 0 });
  });

  it('a Rate: the share of non-zero samples; the rest NaN', () => {
    const rate = all(filled(new RateSink(), [1, 0, 0, 1]));
    expect(rate.rate).toBe(0.5);
    expect(Object.entries(rate).filter(([, v]) => !Number.isNaN(v))).toEqual([['rate', 0.5]]);
  });
});

describe('summaryTrendStats names', () => {
  it('reads p(N) with decimals up to p(100), and the plain names', () => {
    const p999 = parseStatName('p(99.9)');
    expect(p999?.kind).toBe('p');
    expect(p999?.kind === 'p' ? p999.pct : Number.NaN).toBeCloseTo(0.999, 12);
    expect(parseStatName('p(100)')).toEqual({ kind: 'p', pct: 1 });
    expect(parseStatName('p(12.25)')).toEqual({ kind: 'p', pct: 0.1225 });
    expect(parseStatName('p(0)')).toEqual({ kind: 'p', pct: 0 });
    for (const name of ['avg', 'min', 'max', 'med', 'count'])
      expect(parseStatName(name)).toEqual({ kind: name });
  });

  it('knows no other name', () => {
    for (const name of [
      'p(100.1)',
      'p(-1)',
      'p()',
      'p(9',
      'xp(90)',
      'p(90)x',
      'sum',
      'rate',
      'value',
      'P(90)',
      '',
    ])
      expect([name, parseStatName(name)]).toEqual([name, null]);
  });

  it("a trend's summary values: one per known name, in the order asked, unknown names left out", () => {
    const values = trendValues(filled(new TrendSink(), [1, 2, 3, 4]), [
      'max',
      'bogus',
      'p(50)',
      'count',
      'min',
    ]);
    expect(Object.entries(values)).toEqual([
      ['max', 4],
      ['p(50)', 2.5],
      ['count', 4],
      ['min', 1],
    ]);
  });
});
