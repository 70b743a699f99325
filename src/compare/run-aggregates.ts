import type { MetricDeclaration } from './samples.js';
import { SeriesAggregate } from './series-aggregate.js';

/** Tags whose values are per request or per execution: kept out of a tag set, or it would grow with the run. */
export const PER_SAMPLE_TAGS = new Set(['conversation', 'url', 'vu', 'iter']);

/** One metric's samples that share a tag set (minus PER_SAMPLE_TAGS): exact count and sum. */
export interface TagSetTotals {
  readonly metric: string;
  readonly tags: Readonly<Record<string, string>>;
  count: number;
  sum: number;
}

export interface SeriesEntry {
  readonly metric: string;
  /** endpoint, plus the workflow role when tagged (seriesOf). */
  readonly series: string;
  readonly aggregate: SeriesAggregate;
}

/**
 * What a streaming read keeps of k6 JSON output: per (metric, series) exact aggregates with a
 * histogram (and a bounded reservoir for trends), per (metric, tag set) exact totals. Its size
 * depends on the number of series, tag sets and seconds — never on the number of samples.
 */
export interface RunAggregates {
  readonly metrics: Map<string, MetricDeclaration>;
  readonly series: Map<string, SeriesEntry>;
  readonly tagSets: Map<string, TagSetTotals>;
  points: number;
  badLines: number;
  /** Trend series keep a seeded uniform reservoir of this many values (0: none). */
  readonly reservoir: number;
  readonly seed: number;
}

export function emptyAggregates(options: { reservoir?: number; seed?: number } = {}): RunAggregates {
  return {
    metrics: new Map(),
    series: new Map(),
    tagSets: new Map(),
    points: 0,
    badLines: 0,
    reservoir: options.reservoir ?? 4000,
    seed: options.seed ?? 1,
  };
}

/** Where a sample's endpoint is named: the harness's `endpoint` tag, else k6's `name`. */
export function endpointOfTags(tags: Readonly<Record<string, string>>): string {
  return tags.endpoint ?? tags.name ?? 'all';
}

export function seriesOfTags(tags: Readonly<Record<string, string>>): string {
  const workflow = tags.workflow;
  return workflow === undefined ? endpointOfTags(tags) : `${endpointOfTags(tags)} (${workflow})`;
}

/** Adds one Point to the aggregates. */
export function addPoint(
  into: RunAggregates,
  metric: string,
  value: number,
  time: number,
  tags: Readonly<Record<string, string>>,
): void {
  into.points += 1;
  const series = seriesOfTags(tags);
  const key = `${metric}\u0000${series}`;
  let entry = into.series.get(key);
  if (entry === undefined) {
    const decl = into.metrics.get(metric);
    const trend = decl === undefined || decl.type === 'trend';
    const reservoir = trend && into.reservoir > 0 ? { capacity: into.reservoir, seed: into.seed } : undefined;
    into.series.set(key, (entry = { metric, series, aggregate: new SeriesAggregate(reservoir) }));
  }
  entry.aggregate.add(value, time);
  let tagKey = metric;
  for (const k in tags) if (!PER_SAMPLE_TAGS.has(k)) tagKey += `\u0000${k}\u0001${tags[k]}`;
  const totals = into.tagSets.get(tagKey);
  if (totals === undefined) {
    const kept: Record<string, string> = {};
    for (const k in tags) if (!PER_SAMPLE_TAGS.has(k)) kept[k] = tags[k]!;
    into.tagSets.set(tagKey, { metric, tags: kept, count: 1, sum: value });
  } else {
    totals.count += 1;
    totals.sum += value;
  }
}
