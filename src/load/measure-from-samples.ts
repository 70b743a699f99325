import { quantileSorted, type RawSample } from '../compare/index.js';
import type { ThresholdParts } from './threshold-expression.js';

const matches = (p: RawSample, parts: ThresholdParts): boolean =>
  p.metric === parts.name && Object.entries(parts.tags).every(([tag, value]) => p.tags[tag] === value);

/**
 * A trend statistic the engine's summary lacks (a percentile outside summaryTrendStats, e.g. a
 * target profile's `p(99)<800`), computed from the raw samples the engine wrote: the samples of
 * the metric whose tags include the sub-metric's filters, percentiles interpolated between
 * closest ranks as k6 does. Undefined for other aggregations (the summary always has those) and
 * when no sample matches.
 */
export function measureFromSamples(points: readonly RawSample[], parts: ThresholdParts): number | undefined {
  const percentile = /^p\((\d+(?:\.\d+)?)\)$/.exec(parts.aggregation);
  if (percentile === null && !['avg', 'min', 'max', 'med'].includes(parts.aggregation)) return undefined;
  const values = points.filter((p) => matches(p, parts)).map((p) => p.value);
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  switch (parts.aggregation) {
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return sorted[0];
    case 'max':
      return sorted[sorted.length - 1];
    case 'med':
      return quantileSorted(sorted, 0.5);
    default:
      return quantileSorted(sorted, Number(percentile?.[1]) / 100);
  }
}
