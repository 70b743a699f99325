import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src/engine/metrics/aggregate.js';
import { CounterSink, GaugeSink, RateSink, TrendSink } from '../../../src/engine/metrics/sinks.js';

/** k6's TrendSink.P, written out naively over a sorted copy: the oracle. */
function k6Percentile(values: number[], pct: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 1) return sorted[0];
  const i = pct * (sorted.length - 1);
  const lo = sorted[Math.floor(i)];
  const hi = sorted[Math.ceil(i)];
  return lo + (hi - lo) * (i - Math.floor(i));
}

describe('metric sinks', () => {
  it('counter sums values and its rate is per second of the given duration', () => {
    const sink = new CounterSink();
    for (const v of [1, 2, 3.5]) sink.add(v);
    expect(sink.count).toBe(6.5);
    expect(aggregate(sink, { kind: 'count' }, 2000)).toBe(6.5);
    expect(aggregate(sink, { kind: 'rate' }, 2000)).toBe(3.25);
  });

  it('gauge keeps the last value with min and max', () => {
    const sink = new GaugeSink();
    for (const v of [5, -2, 9, 3]) sink.add(v);
    expect([sink.value, sink.min, sink.max]).toEqual([3, -2, 9]);
  });

  it('rate is the fraction of non-zero samples', () => {
    const sink = new RateSink();
    for (const v of [1, 0, 0, 2, 0]) sink.add(v);
    expect([sink.trues, sink.total, sink.rate]).toEqual([2, 5, 0.4]);
    expect(new RateSink().rate).toBe(0);
  });

  it('trend: avg, min, max, med and p(N) match k6 on small known data', () => {
    const sink = new TrendSink();
    for (const v of [10, 1, 4, 7, 2]) sink.add(v);
    expect(sink.count).toBe(5);
    expect(sink.avg).toBe(4.8);
    expect([sink.min, sink.max]).toEqual([1, 10]);
    expect(sink.percentile(0.5)).toBe(4);
    expect(sink.percentile(0.9)).toBeCloseTo(8.8, 12);
    expect(sink.percentile(0)).toBe(1);
    expect(sink.percentile(1)).toBe(10);
  });

  it('trend percentiles equal the k6 oracle for any data and any N, also after more samples arrive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, pct) => {
          const sink = new TrendSink();
          const half = Math.floor(values.length / 2);
          for (const v of values.slice(0, half)) sink.add(v);
          if (half > 0) expect(sink.percentile(pct)).toBe(k6Percentile(values.slice(0, half), pct));
          for (const v of values.slice(half)) sink.add(v);
          expect(sink.percentile(pct)).toBe(k6Percentile(values, pct));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('trend storage grows past its first buffers (64, 128, …) without losing or reordering samples', () => {
    // fast-check mostly makes short arrays: this one crosses every doubling up to 2048 samples,
    // asking for percentiles at each boundary (sorted state, then more samples arriving).
    let state = 12345;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sink = new TrendSink();
    const values: number[] = [];
    for (let i = 1; i <= 1500; i += 1) {
      const v = Math.round((next() - 0.3) * 10_000) / 10;
      sink.add(v);
      values.push(v);
      if ([63, 64, 65, 127, 128, 129, 256, 700, 1024, 1025, 1500].includes(i))
        for (const pct of [0, 0.5, 0.95, 1])
          expect(sink.percentile(pct), `${i} samples, p${pct}`).toBe(k6Percentile(values, pct));
    }
    expect(sink.count).toBe(1500);
    expect([sink.min, sink.max]).toEqual([Math.min(...values), Math.max(...values)]);
  });

  it('an empty trend reports zeros, as k6 does', () => {
    const sink = new TrendSink();
    expect([
      sink.avg,
      sink.percentile(0.95),
      aggregate(sink, { kind: 'min' }, 0),
      aggregate(sink, { kind: 'max' }, 0),
    ]).toEqual([0, 0, 0, 0]);
  });

  it('past its exact limit a trend spills into an HDR histogram within 0.1 % and keeps exact min/max/avg', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) / 10 + 0.5);
    const sink = new TrendSink(1000);
    for (const v of values) sink.add(v);
    expect(sink.exact).toBe(false);
    for (const pct of [0.5, 0.9, 0.95, 0.99]) {
      const want = k6Percentile(values, pct);
      expect(Math.abs(sink.percentile(pct) - want) / want).toBeLessThan(0.002);
    }
    expect(sink.min).toBe(Math.min(...values));
    expect(sink.max).toBe(Math.max(...values));
    expect(sink.avg).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it('a trend with negative values stays exact past the limit (HDR cannot hold them)', () => {
    const sink = new TrendSink(10);
    for (let i = -20; i < 20; i++) sink.add(i);
    expect(sink.exact).toBe(true);
    expect(sink.percentile(0.5)).toBe(-0.5);
  });
});
