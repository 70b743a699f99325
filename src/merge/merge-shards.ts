import { emptyAggregates } from '../compare/index.js';
import { buildLoadSummary } from '../load/build-load-summary.js';
import type { LoadRun } from '../types/generated/load-run.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import { mergeMetrics, type PercentileSource } from './merge-metrics.js';
import { readShards, type Shard } from './read-shards.js';
import { checkCoverage, formatSegment, parseSegment } from './segments.js';

export type ShardsRecord = NonNullable<LoadRun['shards']>;
export type ShardFigures = ShardsRecord['list'][number];

export interface MergeOptions {
  /** Samples a Trend keeps exactly before its percentiles come from a histogram. */
  readonly exactLimit?: number;
  readonly engine: LoadSummary['engine'];
  /** A shard's threshold expression → the whole test's (e.g. a per-shard credit budget → the test's). */
  readonly rewrite?: (key: string, expression: string) => string;
}

export interface MergeResult {
  readonly summary: LoadSummary;
  readonly shards: readonly Shard[];
  readonly record: ShardsRecord;
  readonly percentiles: PercentileSource;
}

const count = (shard: Shard, metric: string): number => shard.data.metrics[metric]?.values.count ?? 0;

/**
 * Reads the shard folders (or `harness load --shards` run folders), refuses a set that is not one
 * whole test (missing, duplicated, other test, other bundle), and merges them into one
 * load-summary with every threshold judged on the merged data.
 */
export async function mergeShards(dirs: readonly string[], options: MergeOptions): Promise<MergeResult> {
  const read = readShards(dirs);
  const order = checkCoverage(read.map((s) => ({ label: s.dir, segment: parseSegment(s.manifest.segment) })));
  const shards = order.map((i) => read[i]);
  const merged = await mergeMetrics(shards, {
    ...(options.exactLimit === undefined ? {} : { exactLimit: options.exactLimit }),
    ...(options.rewrite === undefined ? {} : { rewrite: options.rewrite }),
  });
  const summary = buildLoadSummary(merged.data, {
    engine: options.engine,
    scenario: shards[0].manifest.scenario,
    samples: emptyAggregates(),
  });
  const first = shards[0].manifest;
  return {
    summary,
    shards,
    percentiles: merged.percentiles,
    record: {
      count: shards.length,
      testId: first.testId,
      bundleId: first.bundleId,
      sequence: first.sequence,
      percentiles: merged.percentiles,
      durationMs: merged.durationMs,
      badLines: merged.badLines,
      list: shards.map((s, i) => ({
        index: i,
        folder: s.dir,
        segment: formatSegment(parseSegment(s.manifest.segment)),
        iterations: count(s, 'iterations'),
        requests: count(s, 'http_reqs'),
        durationMs: s.data.state?.testRunDurationMs ?? 0,
      })),
    },
  };
}

/** One console line per shard, and how the percentiles were computed. */
export function shardLines(record: ShardsRecord): string[] {
  const p = record.percentiles;
  return [
    ...(record.badLines === 0
      ? []
      : [
          `shards: ${record.badLines} unreadable line(s) in the raw samples were left out (a torn last line of a stopped engine)`,
        ]),
    `shards: ${record.count} merged (test ${record.testId ?? 'without id'}, bundle ${record.bundleId})`,
    ...record.list.map(
      (s) =>
        `  shard ${s.index} segment ${s.segment}: ${s.iterations} iterations, ${s.requests} requests, ${Math.round(s.durationMs)} ms${s.exitCode === undefined ? '' : `, exit ${s.exitCode}`}`,
    ),
    p.method === 'exact'
      ? `percentiles: exact, from the union of the shards' raw samples (largest Trend ${p.largestTrend} samples ≤ ${p.exactLimit})`
      : `percentiles: from mergeable HDR histograms, within ${p.relativeError * 100} % (largest Trend ${p.largestTrend} samples > ${p.exactLimit} kept exactly)`,
  ];
}
