/**
 * The statistics behind the regression gate, kept dependency-free and seeded so a
 * comparison is reproducible: linear-interpolated quantiles (k6's method), a
 * percentile bootstrap for the relative change in a quantile, and the
 * Mann–Whitney U rank test with tie correction (normal approximation).
 */

/** mulberry32: a small, fast, seedable PRNG; quality is ample for resampling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quantile q in [0,1] of ascending-sorted values, interpolating between ranks. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

export interface BootstrapInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Percentile-bootstrap CI for quantile(current)/quantile(baseline) − 1: both samples
 * are resampled with replacement `iterations` times.
 */
export function bootstrapRelativeChange(
  baseline: readonly number[],
  current: readonly number[],
  options: { q?: number; iterations?: number; confidence?: number; seed?: number } = {},
): BootstrapInterval {
  const q = options.q ?? 0.95;
  const iterations = options.iterations ?? 1000;
  const alpha = 1 - (options.confidence ?? 0.95);
  const random = seededRandom(options.seed ?? 1);
  const base = Float64Array.from(baseline);
  const cur = Float64Array.from(current);
  const estimate = quantileSorted(cur.slice().sort(), q) / quantileSorted(base.slice().sort(), q) - 1;
  const bufB = new Float64Array(base.length);
  const bufC = new Float64Array(cur.length);
  const changes = new Float64Array(iterations);
  for (let i = 0; i < iterations; i += 1) {
    for (let j = 0; j < base.length; j += 1) bufB[j] = base[Math.floor(random() * base.length)]!;
    for (let j = 0; j < cur.length; j += 1) bufC[j] = cur[Math.floor(random() * cur.length)]!;
    changes[i] = quantileSorted(bufC.sort(), q) / quantileSorted(bufB.sort(), q) - 1;
  }
  changes.sort();
  return {
    estimate,
    lower: quantileSorted(changes, alpha / 2),
    upper: quantileSorted(changes, 1 - alpha / 2),
  };
}

export interface RankTest {
  readonly u: number;
  readonly z: number;
  /** One-sided p-value for "current tends to be larger than baseline". */
  readonly pGreater: number;
}

/** Mann–Whitney U of current vs baseline, average ranks for ties, continuity-corrected. */
export function mannWhitneyU(baseline: readonly number[], current: readonly number[]): RankTest {
  const n1 = current.length;
  const n2 = baseline.length;
  const all = [...current.map((v) => ({ v, cur: true })), ...baseline.map((v) => ({ v, cur: false }))].sort(
    (a, b) => a.v - b.v,
  );
  let rankSumCur = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j += 1;
    const avgRank = (i + j + 2) / 2;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    for (let k = i; k <= j; k += 1) if (all[k].cur) rankSumCur += avgRank;
    i = j + 1;
  }
  const u = rankSumCur - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pGreater: 0.5 };
  const z = (u - mean - 0.5) / Math.sqrt(variance);
  return { u, z, pGreater: 1 - normalCdf(z) };
}

/** Standard normal CDF via erf (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
