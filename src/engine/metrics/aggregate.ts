import { CounterSink, GaugeSink, TrendSink, type Sink } from './sinks.js';
import type { Aggregation } from './threshold-parser.js';

/**
 * One aggregation of a sink, as k6 computes it for thresholds and summaries. An empty
 * sink yields 0 for everything (k6's sinks do the same), so a threshold evaluated at
 * the end of a test on a metric with no samples compares 0 with its target.
 */
export function aggregate(sink: Sink, aggregation: Aggregation, durationMs: number): number {
  if (sink instanceof TrendSink) {
    switch (aggregation.kind) {
      case 'avg':
        return sink.avg;
      case 'min':
        return sink.empty ? 0 : sink.min;
      case 'max':
        return sink.empty ? 0 : sink.max;
      case 'med':
        return sink.percentile(0.5);
      case 'p':
        return sink.percentile(aggregation.pct);
      case 'count':
        return sink.count;
      default:
        return Number.NaN;
    }
  }
  if (sink instanceof CounterSink) {
    if (aggregation.kind === 'count') return sink.count;
    if (aggregation.kind === 'rate') return durationMs > 0 ? sink.count / (durationMs / 1000) : 0;
    return Number.NaN;
  }
  if (sink instanceof GaugeSink) {
    if (aggregation.kind === 'value') return sink.value;
    if (aggregation.kind === 'min') return sink.empty ? 0 : sink.min;
    if (aggregation.kind === 'max') return sink.empty ? 0 : sink.max;
    return Number.NaN;
  }
  return aggregation.kind === 'rate' ? sink.rate : Number.NaN;
}

/** "p(99.9)" → { kind: 'p', pct: 0.999 }; the other names map to themselves; unknown → null. */
export function parseStatName(stat: string): Aggregation | null {
  const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(stat);
  if (p !== null) {
    const pct = Number(p[1]);
    return pct <= 100 ? { kind: 'p', pct: pct / 100 } : null;
  }
  return ['avg', 'min', 'max', 'med', 'count'].includes(stat) ? { kind: stat as 'avg' } : null;
}

/** A trend's values as the summary shows them, one entry per summaryTrendStats name. */
export function trendValues(sink: TrendSink, stats: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stat of stats) {
    const aggregation = parseStatName(stat);
    if (aggregation !== null) out[stat] = aggregate(sink, aggregation, 0);
  }
  return out;
}
