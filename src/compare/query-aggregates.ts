import {
  addPoint,
  emptyAggregates,
  type AggregateOptions,
  type RunAggregates,
  TagSetTotals,
} from './run-aggregates.js';
import type { MetricDeclaration, RawSample } from './samples.js';
import { SeriesAggregate } from './series-aggregate.js';
import { ValueStats } from './value-stats.js';

/** Which tag sets count: every one, those holding these tag values, or those a predicate accepts. */
export type TagFilter =
  Readonly<Record<string, string>> | ((tags: Readonly<Record<string, string>>) => boolean);

const accepts = (filter: TagFilter | undefined, tags: Readonly<Record<string, string>>): boolean =>
  filter === undefined
    ? true
    : typeof filter === 'function'
      ? filter(tags)
      : Object.entries(filter).every(([k, v]) => tags[k] === v);

/** The tag sets of `metric` (a name or a test of names) that the filter accepts. */
export function tagSetsOf(
  set: RunAggregates,
  metric: string | ((name: string) => boolean),
  filter?: TagFilter,
): TagSetTotals[] {
  const out: TagSetTotals[] = [];
  for (const t of set.tagSets.values())
    if ((typeof metric === 'string' ? t.metric === metric : metric(t.metric)) && accepts(filter, t.tags))
      out.push(t);
  return out;
}

/** The merged ValueStats of those tag sets; undefined when no sample matches. */
export function statsOf(
  set: RunAggregates,
  metric: string | ((name: string) => boolean),
  filter?: TagFilter,
): ValueStats | undefined {
  const stats = new ValueStats();
  for (const t of tagSetsOf(set, metric, filter)) stats.merge(t.stats);
  return stats.count === 0 ? undefined : stats;
}

/** The exact sum of those tag sets' values (a counter's total). */
export function sumOf(set: RunAggregates, metric: string, filter?: TagFilter): number {
  return tagSetsOf(set, metric, filter).reduce((n, t) => n + t.sum, 0);
}

/** Aggregates of samples already in memory (tests, and callers holding a few samples). */
export function aggregatesOf(
  points: readonly RawSample[],
  options: AggregateOptions & { metrics?: ReadonlyMap<string, MetricDeclaration> } = {},
): RunAggregates {
  const set = emptyAggregates(options);
  for (const [name, decl] of options.metrics ?? []) set.metrics.set(name, decl);
  for (const p of points) addPoint(set, p.metric, p.value, p.time, p.tags);
  return set;
}

/**
 * Adds `from` (another file, another shard) into `into`. Exact for counts, sums, min, max, times,
 * samples per second and histograms; a trend series' reservoir and the kept samples take `from`'s
 * values through their own seeded sampling (a sample of samples, still bounded).
 */
export function mergeAggregates(into: RunAggregates, from: RunAggregates): RunAggregates {
  for (const [name, decl] of from.metrics) if (!into.metrics.has(name)) into.metrics.set(name, decl);
  for (const [key, entry] of from.series) {
    let mine = into.series.get(key);
    if (mine === undefined) {
      const reservoir =
        entry.aggregate.reservoir === undefined ? undefined : { capacity: into.reservoir, seed: into.seed };
      into.series.set(key, (mine = { ...entry, aggregate: new SeriesAggregate(reservoir) }));
    }
    mine.aggregate.merge(entry.aggregate);
    for (const v of entry.aggregate.reservoir?.values ?? []) mine.aggregate.reservoir?.add(v);
  }
  for (const [key, t] of from.tagSets) {
    let mine = into.tagSets.get(key);
    if (mine === undefined) into.tagSets.set(key, (mine = new TagSetTotals(t.metric, t.tags)));
    mine.stats.merge(t.stats);
  }
  for (const [metric, kept] of from.kept) for (const s of kept.values) into.kept.get(metric)?.add(s);
  into.points += from.points;
  into.badLines += from.badLines;
  return into;
}
