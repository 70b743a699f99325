export { mergeRun, linkSamples, type MergeRunOptions, type MergeRunResult } from './write-merged-run.js';
export {
  mergeShards,
  shardLines,
  type MergeOptions,
  type MergeResult,
  type ShardsRecord,
} from './merge-shards.js';
export { readShards, shardFolders, SHARD_FILES, type Shard } from './read-shards.js';
export { checkCoverage, parseSegment, formatSegment, type Segment } from './segments.js';
export { DEFAULT_EXACT_LIMIT, HISTOGRAM_RELATIVE_ERROR, type PercentileSource } from './merge-metrics.js';
