import type { Observation } from './observe.js';
import type { Transcript } from './transcript.js';

/**
 * How far the local engine's iteration counts may be from k6's, per scenario: exact for the
 * executors that fix the count (shared-iterations, per-vu-iterations); otherwise within
 * max(3, 20 % of k6's count). A time-bound count is a property of the machine as much as of the
 * engine: timers on two runtimes never fire at the same instants, and on a loaded 2-core CI
 * machine a constant-vus scenario of ~40 iterations was seen 6 short of k6's recording.
 * dropped_iterations follow the same rule.
 */
export const TOLERANCE = {
  exactExecutors: new Set(['shared-iterations', 'per-vu-iterations']),
  absolute: 3,
  relative: 0.2,
} as const;

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
    const a = k6.scenarios[name] ?? { iterations: 0, dropped: 0 };
    const b = local.scenarios[name] ?? { iterations: 0, dropped: 0 };
    for (const field of ['iterations', 'dropped'] as const)
      if (!withinTolerance(executor, a[field], b[field]))
        out.push(`scenario ${name} (${executor}) ${field}: k6 ${a[field]}, local ${b[field]}`);
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
