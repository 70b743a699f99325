import { quantile, type RawSample } from '../compare/index.js';
import type { LoadRun } from '../types/generated/load-run.js';

type Lag = NonNullable<LoadRun['detectionLag']>;
type Polls = NonNullable<LoadRun['pollsPerExecution']>;

const q = (values: readonly number[], p: number): number | null =>
  values.length === 0 ? null : Math.round(quantile(values, p) * 10) / 10;

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
 * sample's time, tagged with its conversation) minus the reference's recorded finish.
 */
export async function detectionLag(
  points: readonly RawSample[],
  baseUrl: string,
  timeScale: number,
  finishedAt = fetchFinishedAt,
): Promise<Lag> {
  const lags: number[] = [];
  for (const p of points) {
    const id = p.tags.conversation;
    if (p.metric !== 'time_to_completion' || id === undefined) continue;
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

export function pollsPerExecution(points: readonly RawSample[]): Polls {
  const polls = points.filter((p) => p.metric === 'polls_per_execution').map((p) => p.value);
  return {
    executions: polls.length,
    median: q(polls, 0.5),
    p95: q(polls, 0.95),
    max: polls.length === 0 ? null : Math.max(...polls),
  };
}

/** The timeout-boundary scenario's `sync_calls` counter, summed by its `class` tag. */
export function timeoutClasses(points: readonly RawSample[]): Record<string, number> {
  const classes: Record<string, number> = {};
  for (const p of points) {
    const cls = p.tags.class;
    if (p.metric === 'sync_calls' && cls !== undefined) classes[cls] = (classes[cls] ?? 0) + p.value;
  }
  return classes;
}
