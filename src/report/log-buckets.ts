/**
 * HDR-style buckets for latency histograms: each power of two [2^k, 2^(k+1)) is split into
 * SUB equal sub-buckets, so a bucket's width grows with its value (≈ 25 % relative
 * resolution) and a run whose values span 1 ms to 60 s is readable in ~65 bars, where
 * equal-width buckets put almost everything in the first bar.
 */
export const SUB = 4;

/** Lower bounds of the buckets covering [min, max], ascending; the last bound is above max. */
export function logBucketBounds(min: number, max: number): number[] {
  const lo = Math.max(min, 0.01);
  const hi = Math.max(max, lo);
  const bounds: number[] = [];
  for (let k = Math.floor(Math.log2(lo)); ; k += 1) {
    for (let i = 0; i < SUB; i += 1) {
      const bound = 2 ** k * (1 + i / SUB);
      const next = 2 ** k * (1 + (i + 1) / SUB);
      if (next <= lo) continue;
      bounds.push(bound);
      if (next > hi) {
        bounds.push(next);
        return bounds;
      }
    }
  }
}

/** Index of the bucket holding `value` (values below the first bound go in the first bucket). */
export function bucketIndex(bounds: readonly number[], value: number): number {
  let low = 0;
  let high = bounds.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((bounds[mid] ?? Infinity) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** "12–14", "0.25–0.31", "1024–1280": enough digits to tell neighbouring bounds apart. */
export function bucketLabel(from: number, to: number): string {
  const f = (x: number): string => (x >= 100 ? String(Math.round(x)) : String(+x.toPrecision(2)));
  return `${f(from)}–${f(to)}`;
}
