import { LogHistogram } from './log-histogram.js';
import { quantileSorted } from './stats.js';

/** Up to this many values a stream keeps them all, so a small series' statistics stay exact. */
export const EXACT_LIMIT = 4000;

/**
 * Exact count, sum, min and max of a stream of values, its log histogram (1 % relative error,
 * mergeable), and every value while there are at most EXACT_LIMIT of them: quantiles are k6's
 * (interpolated between ranks) on a small stream and the histogram's on a large one.
 */
export class ValueStats {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  /** Every value in arrival order while count ≤ EXACT_LIMIT; undefined once there were more. */
  exact: number[] | undefined = [];
  private sorted: Float64Array | undefined;
  // Built from the exact values when first needed (≈ 14 KB): most tag sets never need one.
  private hist: LogHistogram | undefined;

  /** The histogram of every value (1 % relative error); built from the exact values on first use. */
  get histogram(): LogHistogram {
    if (this.hist === undefined) {
      this.hist = new LogHistogram();
      for (const v of this.exact ?? []) this.hist.add(v);
    }
    return this.hist;
  }

  add(value: number): void {
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const exact = this.exact;
    if (exact !== undefined && exact.length < EXACT_LIMIT) {
      exact.push(value);
      this.sorted = undefined;
      this.hist?.add(value);
      return;
    }
    // Past EXACT_LIMIT: the histogram (built from the exact values first) takes over.
    const histogram = this.histogram;
    this.exact = undefined;
    this.sorted = undefined;
    histogram.add(value);
  }

  merge(other: ValueStats): void {
    const both =
      this.exact !== undefined && other.exact !== undefined && this.count + other.count <= EXACT_LIMIT;
    if (!both || this.hist !== undefined) this.histogram.merge(other.histogram);
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.exact = both ? [...this.exact!, ...other.exact!] : undefined;
    this.sorted = undefined;
  }

  private ascending(): Float64Array | undefined {
    if (this.exact === undefined) return undefined;
    this.sorted ??= Float64Array.from(this.exact).sort();
    return this.sorted;
  }

  /** Quantile q in [0,1]: interpolated between ranks when exact, else within the histogram's 1 %; NaN when empty. */
  quantile(q: number): number {
    const sorted = this.ascending();
    return sorted === undefined ? this.histogram.quantile(q) : quantileSorted(sorted, q);
  }

  /** The value of 0-based ascending rank r (no interpolation). */
  atRank(rank: number): number {
    const sorted = this.ascending();
    if (sorted !== undefined) return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
    return this.histogram.quantile(this.count <= 1 ? 0 : rank / (this.count - 1));
  }

  /** [value, count] ascending: each value when exact, else each histogram bucket's representative value. */
  weighted(): [number, number][] {
    const sorted = this.ascending();
    if (sorted !== undefined) return Array.from(sorted, (v) => [v, 1]);
    return this.histogram
      .buckets()
      .map(([lower, upper, n]) => [upper === 0 ? 0 : (2 * lower * upper) / (lower + upper), n]);
  }
}
