import type { Observation } from './observe.js';
import type { Transcript } from './transcript.js';

/**
 * How far the local engine's iteration counts may be from k6's, per scenario: exact for the
 * executors that fix the count (shared-iterations, per-vu-iterations); otherwise within
 * max(3, 20 % of k6's count), after taking out what the machine decides rather than the engine:
 * - time-bound closed executors (constant-vus, ramping-vus) fill their duration with
 *   iterations, so how many fit depends on how fast one ran at that moment (on a busy 2-core
 *   machine a 1 s constant-vus scenario made 11 iterations where k6's recording has 20). The
 *   engine decides the VU-time; k6's count is rescaled to the local run's own mean
 *   iteration_duration (k6 iterations × k6's mean / local mean) before the comparison.
 * - arrival-rate executors fix iterations + dropped_iterations (the schedule); how they split
 *   depends on how soon a VU is free, so the sum is compared.
 */
export const TOLERANCE = {
  exactExecutors: new Set(['shared-iterations', 'per-vu-iterations']),
  absolute: 3,
  relative: 0.2,
} as const;

const TIME_BOUND = new Set(['constant-vus', 'ramping-vus']);
const ARRIVAL_RATE = new Set(['constant-arrival-rate', 'ramping-arrival-rate']);

/** Mean iteration_duration (ms) of one scenario's iterations in a run; undefined when it has none. */
export function meanIterationMs(o: Observation, scenario: string): number | undefined {
  let count = 0;
  let sum = 0;
  for (const [tagSet, n, total] of o.metrics.iteration_duration?.series ?? []) {
    const tags = JSON.parse(o.tagSets[tagSet] ?? '{}') as Record<string, string>;
    if (tags.scenario !== scenario) continue;
    count += n;
    sum += total;
  }
  return count === 0 ? undefined : sum / count;
}

/** The scenario's counts that the comparison holds the local engine to (see TOLERANCE). */
function comparable(
  executor: string,
  name: string,
  k6: Observation,
  local: Observation,
): { field: string; k6: number; local: number }[] {
  const a = k6.scenarios[name] ?? { iterations: 0, dropped: 0 };
  const b = local.scenarios[name] ?? { iterations: 0, dropped: 0 };
  if (ARRIVAL_RATE.has(executor))
    return [{ field: 'iterations + dropped', k6: a.iterations + a.dropped, local: b.iterations + b.dropped }];
  const k6Mean = meanIterationMs(k6, name);
  const localMean = meanIterationMs(local, name);
  const rescaled =
    TIME_BOUND.has(executor) && k6Mean !== undefined && localMean !== undefined && localMean > 0;
  return [
    rescaled
      ? {
          field: "iterations (k6's VU-time at local speed)",
          k6: Math.round((a.iterations * k6Mean) / localMean),
          local: b.iterations,
        }
      : { field: 'iterations', k6: a.iterations, local: b.iterations },
    { field: 'dropped', k6: a.dropped, local: b.dropped },
  ];
}

/**
 * Metrics k6 samples on its 1 s wall-clock tick (vus, vus_max): present or not depending on
 * whether a run of about a second crossed the tick, on either engine. Left out of the
 * name and key comparisons; every other metric must match.
 */
const TICK_SAMPLED = new Set(['vus', 'vus_max']);
const notTickSampled = (path: string): boolean => !TICK_SAMPLED.has(path.split('.')[1] ?? '');
const withoutTickSampled = (names: Iterable<string>): string[] =>
  [...names].filter((n) => !TICK_SAMPLED.has(n));

export function withinTolerance(executor: string, k6: number, local: number): boolean {
  if (TOLERANCE.exactExecutors.has(executor)) return k6 === local;
  return Math.abs(k6 - local) <= Math.max(TOLERANCE.absolute, TOLERANCE.relative * k6);
}

export interface Verdict {
  readonly metric: string;
  readonly expression: string;
  readonly ok: boolean;
}

type Thresholds = Record<string, boolean | { ok?: boolean }>;

/**
 * Threshold verdicts an engine wrote: handleSummary's classic data (`{ ok }` per expression),
 * else the summary export (k6's export: `true` = crossed). Undefined when neither file carries
 * them (k6's machine-readable summary has none; then the exit code is the only verdict).
 */
export function verdicts(o: Observation): Verdict[] | undefined {
  for (const source of [o.handleSummary, o.summaryExport]) {
    const metrics = (source as { metrics?: unknown } | null)?.metrics;
    if (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics)) continue;
    const out: Verdict[] = [];
    for (const [metric, m] of Object.entries(metrics as Record<string, { thresholds?: Thresholds }>))
      for (const [expression, v] of Object.entries(m.thresholds ?? {}))
        out.push({ metric, expression, ok: typeof v === 'boolean' ? !v : v.ok !== false });
    return out.sort((a, b) => `${a.metric} ${a.expression}`.localeCompare(`${b.metric} ${b.expression}`));
  }
  return undefined;
}

/** Every key path of a JSON value; array elements are `[name]` when they have a name, else `[]`. */
export function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const el of value) {
      const name = (el as { name?: unknown } | null)?.name;
      keyPaths(el, `${prefix}[${typeof name === 'string' ? name : ''}]`, out);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix === '' ? k : `${prefix}.${k}`;
      out.add(path);
      keyPaths(v, path, out);
    }
  }
  return out;
}

/** Per metric, the distinct sets of tag names its samples carried (`a,b,c`). */
export function tagNameSets(o: Observation): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [metric, m] of Object.entries(o.metrics))
    out.set(
      metric,
      new Set(m.series.map(([i]) => Object.keys(JSON.parse(o.tagSets[i] ?? '{}') as object).join(','))),
    );
  return out;
}

function setDiff(what: string, k6: Iterable<string>, local: Iterable<string>): string[] {
  const a = new Set(k6);
  const b = new Set(local);
  const missing = [...a].filter((x) => !b.has(x));
  const extra = [...b].filter((x) => !a.has(x));
  const show = (xs: string[]): string =>
    `${xs.slice(0, 6).join(' | ')}${xs.length > 6 ? ` (+${xs.length - 6})` : ''}`;
  return [
    ...(missing.length > 0 ? [`${what}: k6 has, local lacks: ${show(missing)}`] : []),
    ...(extra.length > 0 ? [`${what}: local has, k6 lacks: ${show(extra)}`] : []),
  ];
}

/** Every way the local engine's run disagrees with k6's transcript (empty: they agree). */
export function compareRun(t: Transcript, local: Observation): string[] {
  const k6 = t.observed;
  const out: string[] = [];
  if (k6.exitCode !== local.exitCode) out.push(`exit code: k6 ${k6.exitCode}, local ${local.exitCode}`);
  for (const name of new Set([...Object.keys(k6.scenarios), ...Object.keys(local.scenarios)])) {
    const executor = t.executors[name] ?? '?';
    for (const c of comparable(executor, name, k6, local))
      if (!withinTolerance(executor, c.k6, c.local))
        out.push(`scenario ${name} (${executor}) ${c.field}: k6 ${c.k6}, local ${c.local}`);
  }
  out.push(
    ...setDiff(
      'metric names',
      withoutTickSampled(Object.keys(k6.metrics)),
      withoutTickSampled(Object.keys(local.metrics)),
    ),
  );
  const localTags = tagNameSets(local);
  for (const [metric, sets] of tagNameSets(k6))
    if (localTags.has(metric)) out.push(...setDiff(`tag names of ${metric}`, sets, localTags.get(metric)!));
  for (const file of ['handleSummary', 'summaryExport'] as const)
    out.push(
      ...setDiff(
        `${file} keys`,
        [...keyPaths(k6[file])].filter(notTickSampled),
        [...keyPaths(local[file])].filter(notTickSampled),
      ),
    );
  const expected = verdicts(k6);
  const actual = verdicts(local);
  if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual))
    out.push(
      `threshold verdicts: k6 ${JSON.stringify(expected)}, local ${actual === undefined ? 'none' : JSON.stringify(actual)}`,
    );
  return out;
}
