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

  it('bootstrap defaults: 1000 resamples, seed 1, a 95 % interval on the p95', () => {
    const [a, b] = [draw(6, 120), draw(7, 120, 1)];
    expect(bootstrapRelativeChange(a, b)).toEqual(
      bootstrapRelativeChange(a, b, { q: 0.95, iterations: 1000, confidence: 0.95, seed: 1 }),
    );
  });

  it('bootstrap honours its seed and its number of resamples', () => {
    const [a, b] = [draw(8, 200), draw(9, 200, 2)];
    // Another seed is another set of resamples: a user re-running with a new seed gets a fresh interval.
    const [s7, s8] = [7, 8].map((seed) => bootstrapRelativeChange(a, b, { seed, iterations: 200 }));
    expect(s7).not.toEqual(s8);
    expect(s7?.estimate).toBe(s8?.estimate);
    // One resample: both bounds are that one resample's change.
    const once = bootstrapRelativeChange(a, b, { seed: 7, iterations: 1 });
    expect(once.lower).toBe(once.upper);
    expect(s7?.lower).toBeLessThan(s7?.upper ?? 0);
  });

  it('bootstrap estimate is the ratio of the two quantiles minus one, whatever the order of the input', () => {
    const [a, b] = [draw(10, 150), draw(11, 90, 4)];
    const result = bootstrapRelativeChange(a, b, { q: 0.9, seed: 3, iterations: 50 });
    expect(result.estimate).toBeCloseTo(quantile(b, 0.9) / quantile(a, 0.9) - 1, 12);
    expect(
      bootstrapRelativeChange(a.slice().reverse(), b, { q: 0.9, seed: 3, iterations: 50 }).estimate,
    ).toBe(result.estimate);
  });

  it('bootstrap intervals nest by confidence: 50 % inside 90 % inside 99 %', () => {
    const [a, b] = [draw(12, 200), draw(13, 200, 1)];
    const at = (confidence: number) =>
      bootstrapRelativeChange(a, b, { confidence, seed: 5, iterations: 400 });
    const [c50, c90, c99] = [at(0.5), at(0.9), at(0.99)];
    const bounds = [c99.lower, c90.lower, c50.lower, c50.upper, c90.upper, c99.upper];
    expect(bounds).toEqual([...bounds].sort((x, y) => x - y));
    expect(c50.lower).toBeLessThan(c50.upper);
    expect(c99.lower).toBeLessThan(c90.lower);
    expect(c90.upper).toBeLessThan(c99.upper);
  });

  it('Mann–Whitney z and p with ties match the tie-corrected normal approximation worked by hand', () => {
    // baseline [1,2,2,3], current [2,3,3,4]: n1 = n2 = 4, n = 8. Pooled ranks: 1→1, the three 2s
    // share (2+3+4)/3 = 3, the three 3s share (5+6+7)/3 = 6, 4→8. Current's rank sum 3+6+6+8 = 23,
    // U = 23 − 4·5/2 = 13, mean n1·n2/2 = 8. Ties Σ(t³−t) = 0 + 24 + 24 + 0 = 48, so
    // σ² = n1·n2/12 · ((n+1) − Σ(t³−t)/(n(n−1))) = 16/12 · (9 − 48/56) = 76/7.
    // Continuity-corrected z = (13 − 8 − 0.5)/√(76/7) = 1.3656982020, p = 1 − Φ(z) = 0.0860168545.
    const slower = mannWhitneyU([1, 2, 2, 3], [2, 3, 3, 4]);
    expect(slower.u).toBe(13);
    expect(slower.z).toBeCloseTo(1.365698202, 9);
    expect(slower.pGreater).toBeCloseTo(0.0860168545, 6);
    // The other way round: U = 16 − 13 = 3, z = (3 − 8 − 0.5)/√(76/7) = −1.6691866913, p = 0.9524598066.
    const faster = mannWhitneyU([2, 3, 3, 4], [1, 2, 2, 3]);
    expect(faster.u).toBe(3);
    expect(faster.z).toBeCloseTo(-1.669186691, 9);
    expect(faster.pGreater).toBeCloseTo(0.9524598066, 6);
  });
});
