import { trendValues } from './aggregate.js';
import type { MetricEntry } from './metric-registry.js';
import { CounterSink, GaugeSink, RateSink } from './sinks.js';

export const DEFAULT_TREND_STATS: readonly string[] = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];

/** The values of one metric in k6's classic handleSummary shape. */
export function legacyValues(
  entry: MetricEntry,
  durationMs: number,
  trendStats: readonly string[],
): Record<string, number> {
  const sink = entry.sink;
  if (sink instanceof CounterSink)
    return { count: sink.count, rate: durationMs > 0 ? sink.count / (durationMs / 1000) : 0 };
  if (sink instanceof GaugeSink)
    return sink.empty ? { value: 0, min: 0, max: 0 } : { value: sink.value, min: sink.min, max: sink.max };
  if (sink instanceof RateSink)
    return { rate: sink.rate, passes: sink.trues, fails: sink.total - sink.trues };
  return trendValues(sink, trendStats);
}

/**
 * Which entries a summary lists: every metric or sub-metric that received a sample,
 * plus every one a threshold names even without samples (k6 shows those too, so a
 * failed `count>0` threshold is visible).
 */
export function summaryEntries(
  metrics: Iterable<MetricEntry>,
  withThresholds: readonly MetricEntry[],
): MetricEntry[] {
  const out: MetricEntry[] = [];
  const named = new Set(withThresholds);
  for (const metric of metrics) {
    if (!metric.sink.empty || named.has(metric)) out.push(metric);
    for (const sub of metric.submetrics.values()) if (!sub.sink.empty || named.has(sub)) out.push(sub);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
