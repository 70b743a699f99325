import { Reservoir } from './reservoir.js';
import type { MetricDeclaration, RawSample } from './samples.js';
import { SeriesAggregate } from './series-aggregate.js';
import { ValueStats } from './value-stats.js';

/** Tags whose values are per request or per execution: kept out of a tag set, or it would grow with the run. */
export const PER_SAMPLE_TAGS = new Set(['conversation', 'url', 'vu', 'iter']);

/**
 * One metric's samples that share a tag set (minus PER_SAMPLE_TAGS): their ValueStats, whose exact
 * count and sum are the totals (kept once: every sample of a run passes here).
 */
export class TagSetTotals {
  readonly stats = new ValueStats();
  constructor(
    readonly metric: string,
    readonly tags: Readonly<Record<string, string>>,
  ) {}
  get count(): number {
    return this.stats.count;
  }
  get sum(): number {
    return this.stats.sum;
  }
}

export interface SeriesEntry {
  readonly metric: string;
  /** endpoint, plus the workflow role when tagged (seriesOf). */
  readonly series: string;
  readonly aggregate: SeriesAggregate;
}

/** Where one (metric, tag set) lands: its series and its totals, resolved once per distinct tag text. */
export interface Slot {
  readonly series: SeriesEntry;
  readonly totals: TagSetTotals;
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
  /** Slots by the text that named them (the reader's cache); cleared when it grows past SLOT_CACHE. */
  readonly slots: Map<string, Slot>;
  /** The fast reader's cache: metric → tag text as written → slot. */
  readonly rawSlots: Map<string, Map<string, Slot>>;
  points: number;
  badLines: number;
  /** Trend series keep a seeded uniform reservoir of this many values (0: none). */
  readonly reservoir: number;
  readonly seed: number;
  /**
   * Whole samples (per-sample tags included) kept for these metrics, a seeded uniform sample of at
   * most `reservoir` each (every one below that): e.g. time_to_completion's conversation for the
   * detection lag. Such lines are read by the full parser.
   */
  readonly kept: Map<string, Reservoir<RawSample>>;
}

export interface AggregateOptions {
  readonly reservoir?: number;
  readonly seed?: number;
  /** Metrics whose whole samples are kept (bounded): see RunAggregates.kept. */
  readonly keep?: readonly string[];
}

const SLOT_CACHE = 50_000;

export function emptyAggregates(options: AggregateOptions = {}): RunAggregates {
  const reservoir = options.reservoir ?? 4000;
  const seed = options.seed ?? 1;
  return {
    metrics: new Map(),
    series: new Map(),
    tagSets: new Map(),
    slots: new Map(),
    rawSlots: new Map(),
    points: 0,
    badLines: 0,
    reservoir,
    seed,
    kept: new Map(
      (options.keep ?? []).map((m) => [m, new Reservoir<RawSample>(Math.max(reservoir, 1), seed)]),
    ),
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

/** The slot of (metric, tags), cached under `text` (any string that determines both). */
export function slotOf(
  into: RunAggregates,
  metric: string,
  tags: Readonly<Record<string, string>>,
  text: string,
): Slot {
  const cached = into.slots.get(text);
  if (cached !== undefined) return cached;
  const series = seriesOfTags(tags);
  const seriesKey = `${metric}\u0000${series}`;
  let entry = into.series.get(seriesKey);
  if (entry === undefined) {
    const decl = into.metrics.get(metric);
    const trend = decl === undefined || decl.type === 'trend';
    const reservoir = trend && into.reservoir > 0 ? { capacity: into.reservoir, seed: into.seed } : undefined;
    into.series.set(seriesKey, (entry = { metric, series, aggregate: new SeriesAggregate(reservoir) }));
  }
  const kept: Record<string, string> = {};
  for (const k of Object.keys(tags).sort()) if (!PER_SAMPLE_TAGS.has(k)) kept[k] = tags[k]!;
  const tagKey = `${metric}\u0000${JSON.stringify(kept)}`;
  let totals = into.tagSets.get(tagKey);
  if (totals === undefined) into.tagSets.set(tagKey, (totals = new TagSetTotals(metric, kept)));
  if (into.slots.size >= SLOT_CACHE) into.slots.clear();
  const slot = { series: entry, totals };
  into.slots.set(text, slot);
  return slot;
}

/** Adds one Point to its slot. */
export function addToSlot(into: RunAggregates, slot: Slot, value: number, time: number): void {
  into.points += 1;
  slot.series.aggregate.add(value, time);
  slot.totals.stats.add(value);
}

/** Adds one Point given its parsed tags (the reader's slow path, and callers holding samples). */
export function addPoint(
  into: RunAggregates,
  metric: string,
  value: number,
  time: number,
  tags: Readonly<Record<string, string>>,
): void {
  let text = metric;
  for (const k in tags) if (!PER_SAMPLE_TAGS.has(k)) text += `\u0000${k}\u0001${tags[k]}`;
  addToSlot(into, slotOf(into, metric, tags, text), value, time);
  into.kept.get(metric)?.add({ metric, time, value, tags });
}
