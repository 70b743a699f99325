import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, quantile, RELATIVE_ERROR, ValueStats } from '../../src/compare/index.js';

/**
 * ValueStats answers a tag set's statistics: exact while it has at most EXACT_LIMIT values, then
 * from its histogram (within RELATIVE_ERROR), with a bounded memory whatever the run's length.
 */
function stats(values: readonly number[]): ValueStats {
  const s = new ValueStats();
  for (const v of values) s.add(v);
  return s;
}

const repeat = (value: number, n: number): number[] => Array.from({ length: n }, () => value);
const ramp = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);
const within = (actual: number, expected: number): void =>
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);

describe('ValueStats', () => {
  it('keeps every value up to EXACT_LIMIT, and none past it (memory bounded); quantiles stay within 1 %', () => {
    const values = ramp(1, EXACT_LIMIT);
    const s = stats(values);
    expect(s.exact).toHaveLength(EXACT_LIMIT);
    expect(s.quantile(0.95)).toBe(quantile(values, 0.95));
    s.add(EXACT_LIMIT + 1);
    expect(s.exact).toBeUndefined();
    expect([s.count, s.min, s.max]).toEqual([EXACT_LIMIT + 1, 1, EXACT_LIMIT + 1]);
    within(s.quantile(0.5), EXACT_LIMIT / 2 + 1);
  });

  it('two exact stats merged up to EXACT_LIMIT values in all stay exact: the quantiles of the union', () => {
    const [a, b] = [ramp(1, 1000), ramp(5000, EXACT_LIMIT - 1000)];
    const merged = stats(a);
    merged.merge(stats(b));
    expect(merged.exact).toHaveLength(EXACT_LIMIT);
    expect(merged.quantile(0.9)).toBe(quantile([...a, ...b], 0.9));
    expect([merged.count, merged.min, merged.max]).toEqual([EXACT_LIMIT, 1, 5000 + EXACT_LIMIT - 1001]);
  });

  it('merged past EXACT_LIMIT: values dropped, quantiles of the union from the histogram', () => {
    const merged = stats(repeat(10, 3000));
    merged.merge(stats(repeat(1000, 1500)));
    expect(merged.exact).toBeUndefined();
    expect(merged.count).toBe(4500);
    within(merged.quantile(0.5), 10);
    within(merged.quantile(0.9), 1000);
    expect(merged.histogram.count).toBe(4500);
  });

  it('a merge after the histogram was consulted keeps it whole, so quantiles stay right past EXACT_LIMIT', () => {
    const s = stats(repeat(1, 100));
    within(s.histogram.quantile(0.5), 1);
    s.merge(stats(repeat(1000, 100)));
    expect(s.histogram.count).toBe(200);
    for (const v of repeat(1, EXACT_LIMIT)) s.add(v);
    expect(s.exact).toBeUndefined();
    // The top 100 of 4200 values are 1000 ms: the p99 is one of them.
    within(s.quantile(0.99), 1000);
  });

  it('weighted(): each value once while exact; past the limit, one value per bucket with its count, zeros as 0', () => {
    expect(stats([3, 1, 2]).weighted()).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    const s = stats([...repeat(0, 100), ...repeat(10, EXACT_LIMIT), ...repeat(500, 900)]);
    const pairs = s.weighted();
    expect(pairs.map(([, n]) => n)).toEqual([100, EXACT_LIMIT, 900]);
    expect(pairs[0]?.[0]).toBe(0);
    within(pairs[1]?.[0] ?? 0, 10);
    within(pairs[2]?.[0] ?? 0, 500);
  });

  it('atRank(): the value of that rank, clamped to the ends; past the limit within 1 %', () => {
    const exact = stats([5, 1, 4, 2, 3]);
    expect([-5, 0, 2, 4, 9].map((r) => exact.atRank(r))).toEqual([1, 1, 3, 5, 5]);
    // One slow value among 5000: only the top rank is it.
    const large = stats([...repeat(10, 4999), 1000]);
    expect(large.exact).toBeUndefined();
    within(large.atRank(0), 10);
    within(large.atRank(2500), 10);
    within(large.atRank(4998), 10);
    within(large.atRank(4999), 1000);
  });
});
