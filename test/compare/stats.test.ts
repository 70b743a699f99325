import { describe, expect, it } from 'vitest';
import {
  bootstrapRelativeChange,
  mannWhitneyU,
  normalCdf,
  quantile,
  seededRandom,
} from '../../src/compare/index.js';

const draw = (seed: number, n: number, shift = 0): number[] => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => 10 + shift + r() * 10);
};

describe('stats', () => {
  it('quantile interpolates like k6 (linear between ranks)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5, 1, 3], 0)).toBe(1);
    expect(quantile([5, 1, 3], 1)).toBe(5);
    expect(
      quantile(
        Array.from({ length: 101 }, (_, i) => i),
        0.95,
      ),
    ).toBeCloseTo(95, 10);
  });

  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 5);
  });

  it('Mann–Whitney U: textbook example and ties', () => {
    // Classic example: U for the first group equals the count of pairs where it is larger.
    const res = mannWhitneyU([1, 2, 3], [4, 5, 6]);
    expect(res.u).toBe(9);
    expect(mannWhitneyU([4, 5, 6], [1, 2, 3]).u).toBe(0);
    expect(mannWhitneyU([1, 1, 1], [1, 1, 1]).pGreater).toBe(0.5);
  });

  it('rank test is significant for a real shift and not for the same distribution', () => {
    expect(mannWhitneyU(draw(1, 200), draw(2, 200, 3)).pGreater).toBeLessThan(0.001);
    expect(mannWhitneyU(draw(1, 200), draw(2, 200)).pGreater).toBeGreaterThan(0.01);
  });

  it('bootstrap CI is seeded, brackets zero for equal distributions and excludes it for a shift', () => {
    const a = draw(3, 300);
    const b = draw(4, 300);
    const same = bootstrapRelativeChange(a, b, { seed: 7, iterations: 500 });
    expect(same).toEqual(bootstrapRelativeChange(a, b, { seed: 7, iterations: 500 }));
    expect(same.lower).toBeLessThan(0);
    expect(same.upper).toBeGreaterThan(0);
    const slow = bootstrapRelativeChange(a, draw(5, 300, 5), { seed: 7, iterations: 500 });
    // p95 ≈ 19.5 → 24.5: about +26 %.
    expect(slow.estimate).toBeGreaterThan(0.15);
    expect(slow.lower).toBeGreaterThan(0.1);
    expect(slow.lower).toBeLessThanOrEqual(slow.estimate);
    expect(slow.upper).toBeGreaterThanOrEqual(slow.estimate);
  });
});
