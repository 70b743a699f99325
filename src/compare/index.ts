export {
  compareRuns,
  readRunSamples,
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
