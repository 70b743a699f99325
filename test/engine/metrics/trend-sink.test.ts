import { describe, expect, it } from 'vitest';
import { TrendSink } from '../../../src/engine/metrics/trend-sink.js';

/** k6's TrendSink.P on a plain sorted copy: the oracle for samples arriving in any order. */
function k6Percentile(samples: readonly number[], pct: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const i = pct * (sorted.length - 1);
  const lo = sorted[Math.floor(i)];
  return lo + (sorted[Math.ceil(i)] - lo) * (i - Math.floor(i));
}

function sinkOf(values: readonly number[], exactLimit?: number): TrendSink {
  const sink = new TrendSink(exactLimit);
  for (const v of values) sink.add(v);
  return sink;
}

/** A deterministic shuffle (no Math.random: a failure must replay). */
function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i + 1);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('TrendSink (the percentiles a threshold and the summary read)', () => {
  // Recorded from a real k6 v2.2.0 run (2026-11-30): these samples in this order, and the values
  // k6's --summary-export reported for them.
  it('gives the med, p(90), p(95) and avg k6 v2.2.0 reported for the same samples', () => {
    const times = sinkOf([
      0.0000004, 0.0004567, 0.0129999, 1.239, 999.999, 1000.5, 59999.999, 60000, 61234.5, 3599999, 3600000,
      7265432.1,
    ]);
    expect(times.percentile(0.5)).toBeCloseTo(30500.2495, 9);
    expect(times.percentile(0.9)).toBeCloseTo(3599999.9, 9);
    expect(times.percentile(0.95)).toBeCloseTo(5249444.4449999975, 9);
    expect(times.avg).toBeCloseTo(1220722.27920475, 9);
    expect([times.min, times.max, times.count]).toEqual([0.0000004, 7265432.1, 12]);
    const plain = sinkOf([0.1234567, 1234567.891, 0]);
    expect(plain.percentile(0.5)).toBe(0.1234567);
    expect(plain.percentile(0.9)).toBeCloseTo(987654.3374913401, 9);
    expect(plain.percentile(0.95)).toBeCloseTo(1111111.11424567, 9);
  });

  it('stays exact when samples keep arriving between reads, smaller ones and repeats included', () => {
    const order = [...shuffled(300, 7), ...shuffled(300, 11).map((v) => v / 2)];
    const sink = new TrendSink();
    const seen: number[] = [];
    for (const [k, v] of order.entries()) {
      sink.add(v);
      seen.push(v);
      // Reads every 37 samples, as thresholds read mid-run: the sorted prefix then meets a new tail.
      if (k % 37 === 0 || k === order.length - 1) {
        for (const p of [0, 0.1, 0.5, 0.9, 0.95, 0.999, 1])
          expect(sink.percentile(p)).toBe(k6Percentile(seen, p));
      }
    }
    expect(sink.count).toBe(600);
    expect(sink.exact).toBe(true);
  });

  it('reads 0 with no samples, and the one sample at every percentile', () => {
    const empty = new TrendSink();
    expect([empty.empty, empty.avg, empty.percentile(0.95)]).toEqual([true, 0, 0]);
    const one = sinkOf([42]);
    expect([one.empty, one.avg, one.percentile(0), one.percentile(0.5), one.percentile(1)]).toEqual([
      false,
      42,
      42,
      42,
      42,
    ]);
  });

  it('holds 8 bytes per sample, doubling its buffer as it fills (the memory the soak benchmark reports)', () => {
    expect(new TrendSink().storageBytes).toBe(64 * 8);
    expect(sinkOf(Array.from({ length: 64 }, (_, i) => i)).storageBytes).toBe(64 * 8);
    expect(sinkOf(Array.from({ length: 65 }, (_, i) => i)).storageBytes).toBe(128 * 8);
    const big = sinkOf(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    expect(big.storageBytes).toBe(1024 * 8);
    expect(big.percentile(0.5)).toBe(500.5);
    expect([big.min, big.max, big.sum]).toEqual([1, 1000, 500_500]);
  });

  it('past its exact limit spills into a histogram: percentiles within 0.1 %, count/min/max/avg still exact', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i + 1) * 1.5);
    const sink = sinkOf(values.slice(0, 100), 100);
    expect(sink.exact).toBe(true);
    sink.add(values[100]);
    expect(sink.exact).toBe(false);
    for (const v of values.slice(101)) sink.add(v);
    expect([sink.count, sink.min, sink.max]).toEqual([500, 1.5, 750]);
    expect(sink.avg).toBeCloseTo(375.75, 9);
    for (const p of [0.5, 0.9, 0.99]) {
      const exact = k6Percentile(values, p);
      expect(Math.abs(sink.percentile(p) - exact) / exact).toBeLessThan(0.002);
    }
    // The histogram's fixed footprint replaces the sample buffer.
    expect(sink.storageBytes).toBeGreaterThan(0);
    expect(sink.storageBytes).not.toBe(512 * 8);
  });

  it('a zero sample does not keep a Trend exact: durations of 0 ms spill like any other', () => {
    const sink = sinkOf([0, ...Array.from({ length: 100 }, (_, i) => i + 1)], 100);
    expect(sink.exact).toBe(false);
    expect(sink.percentile(0)).toBe(0);
  });

  it('a Trend with a negative sample stays exact past the limit (a histogram cannot hold it)', () => {
    const sink = sinkOf([-5, ...Array.from({ length: 200 }, (_, i) => i)], 100);
    expect(sink.exact).toBe(true);
    expect(sink.percentile(0)).toBe(-5);
    expect(sink.percentile(1)).toBe(199);
    expect(sink.storageBytes).toBe(256 * 8);
  });
});
