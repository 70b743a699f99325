import { describe, expect, it } from 'vitest';
import { LogHistogram, RELATIVE_ERROR, Reservoir, seededRandom } from '../../src/compare/index.js';

describe('LogHistogram and Reservoir', () => {
  it('two shards merged answer as one histogram of the union, within the stated error of the exact rank', () => {
    const random = seededRandom(3);
    const values = Array.from({ length: 20_000 }, () => 0.05 * Math.exp(8 * random()));
    values.push(0, 0);
    const [a, b, all] = [new LogHistogram(), new LogHistogram(), new LogHistogram()];
    values.forEach((v, i) => {
      (i % 3 === 0 ? a : b).add(v);
      all.add(v);
    });
    a.merge(b);
    const sorted = Float64Array.from(values).sort();
    for (const q of [0, 0.001, 0.5, 0.95, 0.999, 1]) {
      const exact = sorted[Math.floor(q * (sorted.length - 1))];
      expect(a.quantile(q)).toBe(all.quantile(q));
      if (exact === 0) expect(a.quantile(q)).toBe(0);
      else expect(Math.abs(a.quantile(q) / exact - 1)).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);
    }
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
  });

  it('a reservoir holds all values in order up to its capacity, then a bounded, seeded, uniform sample', () => {
    const small = new Reservoir(5, 1);
    [3, 1, 2].forEach((v) => small.add(v));
    expect(small.values).toEqual([3, 1, 2]);
    const fill = (seed: number): Reservoir => {
      const r = new Reservoir(1000, seed);
      for (let i = 0; i < 100_000; i += 1) r.add(i);
      return r;
    };
    const big = fill(9);
    expect(big.values).toHaveLength(1000);
    expect(big.seen).toBe(100_000);
    expect(fill(9).values).toEqual(big.values);
    expect(fill(10).values).not.toEqual(big.values);
    // Uniform: about a tenth of the kept values come from each tenth of the stream.
    const lastTenth = big.values.filter((v) => v >= 90_000).length;
    expect(lastTenth).toBeGreaterThan(60);
    expect(lastTenth).toBeLessThan(140);
  });

  it('keeps 1 % from 1 µs to 10^12 ms; values beyond are counted in the end buckets, never lost', () => {
    for (const v of [1e-3, 0.05, 1e6, 1e9, 1e12]) {
      const h = new LogHistogram();
      h.add(v);
      expect(Math.abs(h.quantile(0.5) / v - 1)).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);
    }
    const h = new LogHistogram();
    [1e-9, 1e-6, 1e15, 1e20].forEach((v) => h.add(v));
    // Clamped: the smallest answer at the 1 µs bucket, the largest at the 10^12 ms one.
    expect(h.quantile(0)).toBeGreaterThan(0);
    expect(h.quantile(0)).toBeLessThanOrEqual(1e-3 * (1 + RELATIVE_ERROR));
    expect(h.quantile(1)).toBeGreaterThanOrEqual(1e12 * (1 - RELATIVE_ERROR));
    expect(h.quantile(1)).toBeLessThan(1e13);
  });

  it('the first rank past the zeros is the smallest positive value, not 0', () => {
    const h = new LogHistogram();
    [0, 0, 5].forEach((v) => h.add(v));
    expect(h.quantile(0.5)).toBe(0);
    expect(Math.abs(h.quantile(1) / 5 - 1)).toBeLessThanOrEqual(RELATIVE_ERROR);
    expect(h.buckets().map(([, , n]) => n)).toEqual([2, 1]);
    // Without zeros, no empty zero bucket is listed.
    const positive = new LogHistogram();
    positive.add(5);
    expect(positive.buckets()).toHaveLength(1);
    expect(positive.buckets()[0]?.[2]).toBe(1);
  });
});
