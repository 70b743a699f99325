import { createMetricsEngine, type MetricType, type ValueType } from '../engine/metrics/index.js';
import type { ClassicSummaryData } from '../load/build-load-summary.js';
import { addChecks, type CheckCount } from './merge-checks.js';
import type { Shard } from './read-shards.js';
import { streamPoints } from '../compare/index.js';

/** What a Trend keeps exactly by default before its percentiles come from a histogram (TrendSink's own limit). */
export const DEFAULT_EXACT_LIMIT = 4_000_000;
/** HDR histogram, 3 significant digits (TrendSink's spill): a percentile within 0.1 % of a sample at its rank. */
export const HISTOGRAM_RELATIVE_ERROR = 0.001;

/** Where the merged percentiles came from, as load-run.json and the console state it. */
export interface PercentileSource {
  /** exact: every sample of the union, k6's interpolation; histogram: HDR buckets past exactLimit samples. */
  readonly method: 'exact' | 'histogram';
  readonly relativeError: number;
  /** The most samples one Trend received (across all shards). */
  readonly largestTrend: number;
  readonly exactLimit: number;
}

export interface MergedMetrics {
  readonly data: ClassicSummaryData;
  readonly percentiles: PercentileSource;
  readonly durationMs: number;
  readonly badLines: number;
}

// p(99) beside the shards' own statistics: the one percentile a merge is most often asked for.
const EXTRA_TREND_STATS = ['med', 'p(95)', 'p(99)'];

/** Every threshold key with its expressions, as the shards' summaries list them (union: one bundle, so the same). */
function thresholdsOf(
  shards: readonly Shard[],
  rewrite: (key: string, expression: string) => string,
): Record<string, string[]> {
  const spec: Record<string, Set<string>> = {};
  for (const s of shards)
    for (const [name, m] of Object.entries(s.data.metrics))
      for (const expression of Object.keys(m.thresholds ?? {}))
        (spec[name] ??= new Set()).add(rewrite(name, expression));
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, [...v]]));
}

function trendStatsOf(shards: readonly Shard[], thresholds: Record<string, string[]>): string[] {
  const stats = new Set(shards.flatMap((s) => s.data.options?.summaryTrendStats ?? []));
  for (const stat of EXTRA_TREND_STATS) stats.add(stat);
  // A threshold's own percentile, so its measured value is in the summary (no sample needed later).
  for (const expressions of Object.values(thresholds))
    for (const e of expressions) {
      const p = /^\s*(p\(\s*[\d.]+\s*\))/.exec(e)?.[1];
      if (p !== undefined) stats.add(p.replace(/\s+/g, ''));
    }
  return [...stats];
}

/**
 * The shards' results as one run, by the local engine's own metrics layer: every sample of every
 * shard goes through its sinks (exact Trends up to exactLimit samples, then HDR), its sub-metrics
 * and its threshold evaluator, so each threshold is judged on the merged data as one engine
 * would have. Counters add up and their rates are recomputed over the longest shard's duration
 * (the shards run side by side); gauges (VUs) add the shards' own values; checks add up.
 */
export async function mergeMetrics(
  shards: readonly Shard[],
  options: {
    readonly exactLimit?: number;
    readonly rewrite?: (key: string, expression: string) => string;
  } = {},
): Promise<MergedMetrics> {
  const exactLimit = options.exactLimit ?? DEFAULT_EXACT_LIMIT;
  const engine = createMetricsEngine({ trendExactLimit: exactLimit });
  const types = new Map<string, MetricType>();
  const define = (name: string, type: string, contains: string): void => {
    if (types.has(name) || name.includes('{')) return;
    engine.define(name, type as MetricType, contains as ValueType);
    types.set(name, type as MetricType);
  };
  for (const s of shards)
    for (const [name, m] of Object.entries(s.data.metrics)) define(name, m.type, m.contains);
  const thresholds = thresholdsOf(shards, options.rewrite ?? ((_key, expression) => expression));
  engine.setThresholds(thresholds);

  const trendCounts = new Map<string, number>();
  let badLines = 0;
  for (const shard of shards) {
    const torn = await streamPoints(shard.samples, {
      declare: (d) => define(d.name, d.type, d.contains),
      point(metric, time, value, tags) {
        const type = types.get(metric);
        // k6 declares every metric before its first Point: one that was not is a damaged file.
        if (type === undefined) {
          badLines += 1;
          return;
        }
        // A gauge is a per-process value (VUs): the shards' own summaries give it below.
        if (type === 'gauge') return;
        if (type === 'trend') trendCounts.set(metric, (trendCounts.get(metric) ?? 0) + 1);
        engine.add({ metric, time, value, tags });
      },
    });
    badLines += torn;
  }
  for (const [name, type] of types) {
    if (type !== 'gauge') continue;
    const own = shards.map((s) => s.data.metrics[name]?.values).filter((v) => v !== undefined);
    if (own.length === 0) continue;
    const sum = (k: string): number => own.reduce((a, v) => a + (v[k] ?? 0), 0);
    // A gauge keeps its last value and its extremes: min, then max, then the value leaves all three summed.
    for (const value of [sum('min'), sum('max'), sum('value')])
      engine.add({ metric: name, time: 0, value, tags: {} });
  }

  const checks = { checks: new Map<string, CheckCount>(), groups: new Set<string>() };
  for (const s of shards) addChecks(checks, s.data.root_group);
  const durationMs = Math.max(0, ...shards.map((s) => s.data.state?.testRunDurationMs ?? 0));
  const data = engine.legacySummary({
    testRunDurationMs: durationMs,
    isStdOutTTY: false,
    isStdErrTTY: false,
    checks: [...checks.checks.values()],
    groups: [...checks.groups],
    options: { summaryTrendStats: trendStatsOf(shards, thresholds) },
    scriptPath: '',
  }) as unknown as ClassicSummaryData;
  await engine.close();
  const largestTrend = Math.max(0, ...trendCounts.values());
  return {
    data,
    durationMs,
    badLines,
    percentiles: {
      method: largestTrend > exactLimit ? 'histogram' : 'exact',
      relativeError: largestTrend > exactLimit ? HISTOGRAM_RELATIVE_ERROR : 0,
      largestTrend,
      exactLimit,
    },
  };
}
