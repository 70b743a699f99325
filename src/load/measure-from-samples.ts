import { statsOf, type RunAggregates } from '../compare/index.js';
import type { ThresholdParts } from './threshold-expression.js';

/**
 * A trend statistic the engine's summary lacks (a percentile outside summaryTrendStats, e.g. a
 * target profile's `p(99)<800`), computed from the run's streamed aggregates: the tag sets of the
 * metric whose tags include the sub-metric's filters. Avg, min and max are exact; a percentile is
 * k6's (interpolated between closest ranks) while the matching samples are at most EXACT_LIMIT, and
 * within the histogram's RELATIVE_ERROR beyond. A filter on a per-sample tag (url, vu, iter,
 * conversation) matches nothing: those are not kept. Undefined for other aggregations (the summary
 * always has those) and when no sample matches.
 */
export function measureFromSamples(set: RunAggregates, parts: ThresholdParts): number | undefined {
  const percentile = /^p\((\d+(?:\.\d+)?)\)$/.exec(parts.aggregation);
  if (percentile === null && !['avg', 'min', 'max', 'med'].includes(parts.aggregation)) return undefined;
  const stats = statsOf(set, parts.name, parts.tags);
  if (stats === undefined) return undefined;
  switch (parts.aggregation) {
    case 'avg':
      return stats.sum / stats.count;
    case 'min':
      return stats.min;
    case 'max':
      return stats.max;
    case 'med':
      return stats.quantile(0.5);
    default:
      return stats.quantile(Number(percentile?.[1]) / 100);
  }
}
