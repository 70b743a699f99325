/**
 * A mergeable log-bucket histogram of non-negative values (DDSketch's mapping): bucket i holds
 * (γ^(i-1), γ^i] with γ = (1+α)/(1−α), and a quantile is answered with 2γ^i/(γ+1), which lies
 * within α = 1 % (relative) of every value in its bucket. Fixed size (≈ 17 KB), whatever the count:
 * values from 1 µs to 10^12 ms keep their 1 %; values ≤ 0 are counted apart, larger ones clamp.
 */
export const RELATIVE_ERROR = 0.01;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const INV_LOG_GAMMA = 1 / Math.log(GAMMA);
const MIN_INDEX = Math.ceil(Math.log(1e-3) * INV_LOG_GAMMA);
const MAX_INDEX = Math.ceil(Math.log(1e12) * INV_LOG_GAMMA);

export class LogHistogram {
  readonly counts = new Float64Array(MAX_INDEX - MIN_INDEX + 1);
  zeros = 0;
  count = 0;

  add(value: number, times = 1): void {
    this.count += times;
    if (!(value > 0)) {
      this.zeros += times;
      return;
    }
    const i = Math.ceil(Math.log(value) * INV_LOG_GAMMA);
    this.counts[(i < MIN_INDEX ? MIN_INDEX : i > MAX_INDEX ? MAX_INDEX : i) - MIN_INDEX] += times;
  }

  merge(other: LogHistogram): void {
    this.count += other.count;
    this.zeros += other.zeros;
    for (let i = 0; i < this.counts.length; i += 1) this.counts[i] += other.counts[i];
  }

  /** The value at rank ⌊q·(n−1)⌋ (0-based, ascending), within RELATIVE_ERROR; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.floor(Math.min(1, Math.max(0, q)) * (this.count - 1));
    let seen = this.zeros;
    if (rank < seen) return 0;
    for (let i = 0; i < this.counts.length; i += 1) {
      seen += this.counts[i];
      if (rank < seen) return (2 * GAMMA ** (i + MIN_INDEX)) / (GAMMA + 1);
    }
    return Number.NaN;
  }

  /** Non-empty buckets as [lower, upper, count], ascending (the zeros as [0, 0, n]). */
  buckets(): [number, number, number][] {
    const out: [number, number, number][] = this.zeros > 0 ? [[0, 0, this.zeros]] : [];
    for (let i = 0; i < this.counts.length; i += 1) {
      const n = this.counts[i];
      if (n > 0) out.push([GAMMA ** (i + MIN_INDEX - 1), GAMMA ** (i + MIN_INDEX), n]);
    }
    return out;
  }
}
