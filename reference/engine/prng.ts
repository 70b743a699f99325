/**
 * Seeded randomness for every behaviour of the reference (durations, failures,
 * warnings), so a run is reproducible from its seed. Math.random is never used.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Lognormal with the given median and shape (sigma of the underlying normal). */
  lognormal(median: number, sigma: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast, good enough for simulation (not for secrets). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    lognormal(median, sigma) {
      // Box-Muller; 1 - u keeps the log argument away from 0.
      const u = 1 - next();
      const v = next();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return median * Math.exp(sigma * z);
    },
    chance(p) {
      return next() < p;
    },
  };
}

/** Derives an independent stream per name (e.g. per workflow), so request interleaving across streams does not change each stream's draws. */
export function deriveSeed(seed: number, name: string): number {
  // FNV-1a over the name, mixed with the seed.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
