export {
  compareRuns,
  readRunSamples,
  readRunAggregates,
  runSampleFiles,
  groupTrends,
  type ComparisonResult,
  type MetricComparison,
  type CompareOptions,
  type Verdict,
} from './compare-runs.js';
export { formatComparison } from './print-comparison.js';
export {
  readSamples,
  endpointOf,
  seriesOf,
  type RawSample,
  type SampleSet,
  type MetricDeclaration,
} from './samples.js';
export {
  bootstrapRelativeChange,
  mannWhitneyU,
  quantile,
  quantileSorted,
  seededRandom,
  normalCdf,
} from './stats.js';
export { readAggregates } from './read-aggregates.js';
export {
  emptyAggregates,
  addPoint,
  endpointOfTags,
  seriesOfTags,
  PER_SAMPLE_TAGS,
  type AggregateOptions,
  type RunAggregates,
  type SeriesEntry,
  TagSetTotals,
} from './run-aggregates.js';
export { SeriesAggregate } from './series-aggregate.js';
export { LogHistogram, RELATIVE_ERROR } from './log-histogram.js';
export { Reservoir } from './reservoir.js';
export { ValueStats, EXACT_LIMIT } from './value-stats.js';
export {
  aggregatesOf,
  mergeAggregates,
  statsOf,
  sumOf,
  tagSetsOf,
  type TagFilter,
} from './query-aggregates.js';
export { streamPoints, type PointSink } from './stream-points.js';
