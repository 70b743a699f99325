import { quantile, statsOf, tagSetsOf, type RunAggregates, type ValueStats } from '../compare/index.js';
import type { LoadRun } from '../types/generated/load-run.js';

type Lag = NonNullable<LoadRun['detectionLag']>;
type Polls = NonNullable<LoadRun['pollsPerExecution']>;

const q = (values: readonly number[], p: number): number | null =>
  values.length === 0 ? null : Math.round(quantile(values, p) * 10) / 10;
const qs = (stats: ValueStats | undefined, p: number): number | null =>
  stats === undefined ? null : Math.round(stats.quantile(p) * 10) / 10;

/** When the reference recorded the conversation's latest execution as finished (epoch ms). */
export async function fetchFinishedAt(baseUrl: string, conversationId: string): Promise<number | undefined> {
  const res = await fetch(
    `${baseUrl.replace(/\/+$/, '')}/__reference/executions/${encodeURIComponent(conversationId)}`,
  );
  if (!res.ok) return undefined;
  const body = (await res.json()) as { turns?: { finishedAt?: number | null }[] };
  const last = body.turns?.at(-1)?.finishedAt;
  return typeof last === 'number' ? last : undefined;
}

/**
 * Detection lag: the time of the poll that saw completion (the `time_to_completion`
 * sample's time, tagged with its conversation) minus the reference's recorded finish —
 * over the samples the reader kept (every one up to its reservoir, a seeded uniform sample beyond).
 */
export async function detectionLag(
  set: RunAggregates,
  baseUrl: string,
  timeScale: number,
  finishedAt = fetchFinishedAt,
): Promise<Lag> {
  const lags: number[] = [];
  for (const p of set.kept.get('time_to_completion')?.values ?? []) {
    const id = p.tags.conversation;
    if (id === undefined) continue;
    const finished = await finishedAt(baseUrl, id);
    if (finished !== undefined) lags.push(Math.max(0, p.time - finished));
  }
  const median = q(lags, 0.5);
  return {
    executions: lags.length,
    medianMs: median,
    p95Ms: q(lags, 0.95),
    realTimeMedianMs: median === null ? null : Math.round((median / timeScale) * 10) / 10,
  };
}

export function pollsPerExecution(set: RunAggregates): Polls {
  const polls = statsOf(set, 'polls_per_execution');
  return {
    executions: polls?.count ?? 0,
    median: qs(polls, 0.5),
    p95: qs(polls, 0.95),
    max: polls === undefined ? null : polls.max,
  };
}

/** The timeout-boundary scenario's `sync_calls` counter, summed by its `class` tag. */
export function timeoutClasses(set: RunAggregates): Record<string, number> {
  const classes: Record<string, number> = {};
  for (const t of tagSetsOf(set, 'sync_calls', (tags) => tags.class !== undefined)) {
    const cls = t.tags.class;
    classes[cls] = (classes[cls] ?? 0) + t.sum;
  }
  return classes;
}
