import { quantileSorted } from '../../src/compare/index.js';
import type { LoadSummary } from '../../src/types/generated/load-summary.js';

export interface StatCheck {
  readonly stat: string;
  readonly summary: number;
  readonly fromSamples: number;
  readonly ok: boolean;
}

/** Samples past which a TrendSink spills into its HDR histogram (src/engine/metrics/trend-sink.ts). */
const EXACT_LIMIT = 4_000_000;

/**
 * Each statistic load-summary.json reports for a Trend (min, max, avg, med, p(N)),
 * recomputed from the raw samples with k6's definition (linear interpolation at q·(n−1)) and
 * compared: equal to rounding while the sink is exact, within the histogram's 0.1 % (+1 µs of
 * its integer-µs rounding) after a spill.
 */
export function compareWithSummary(
  summary: LoadSummary | undefined,
  metric: string,
  samples: Float64Array,
): StatCheck[] {
  const reported = summary?.metrics.find((m) => m.name === metric)?.values ?? {};
  const sorted = samples.slice().sort();
  const spilled = samples.length > EXACT_LIMIT;
  const recompute = (stat: string): number | undefined => {
    if (stat === 'min') return sorted[0];
    if (stat === 'max') return sorted[sorted.length - 1];
    if (stat === 'avg') return sorted.reduce((a, b) => a + b, 0) / sorted.length;
    if (stat === 'med') return quantileSorted(sorted, 0.5);
    const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(stat);
    return p === null ? undefined : quantileSorted(sorted, Number(p[1]) / 100);
  };
  const checks: StatCheck[] = [];
  for (const [stat, value] of Object.entries(reported)) {
    const fromSamples = recompute(stat);
    if (fromSamples === undefined) continue;
    const exactStat = !spilled || stat === 'min' || stat === 'max' || stat === 'avg';
    const tolerance = exactStat ? 1e-9 * Math.max(1, Math.abs(fromSamples)) : 0.001 * fromSamples + 0.001;
    checks.push({ stat, summary: value, fromSamples, ok: Math.abs(value - fromSamples) <= tolerance });
  }
  return checks;
}
