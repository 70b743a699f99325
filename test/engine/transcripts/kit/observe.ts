import { existsSync, readFileSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import type { EngineOutput } from './run-engine.js';
import { templatize, templatizeJson } from './templatize.js';

/**
 * One metric's samples with one tag set: [index into tagSets, count, sum, min, max]
 * (raw samples are not kept; sums and extremes rounded to 0.001).
 */
export type Series = [tagSet: number, count: number, sum: number, min: number, max: number];

/** What one engine run produced, with live values replaced by placeholders. */
export interface Observation {
  readonly exitCode: number;
  readonly timedOut: boolean;
  readonly wallMs: number;
  /** Log lines of note (warnings, errors) on stderr, without their time field. */
  readonly stderr: string[];
  /** Per scenario tag: completed iterations and dropped_iterations, from the samples. */
  readonly scenarios: Record<string, { iterations: number; dropped: number }>;
  /** Each distinct tag set once, as JSON with sorted keys; series refer to them by index. */
  readonly tagSets: string[];
  readonly metrics: Record<string, { type: string; series: Series[] }>;
  /** The files as written (parsed JSON), null when the engine did not write one. */
  readonly summaryExport: unknown;
  readonly handleSummary: unknown;
  /** A bounded slice of the raw NDJSON samples: every Metric line and the first Points of each metric. */
  readonly samplesSlice: string[];
}

/** Tags whose values are per-run identifiers (conversation ids the scenarios trace): masked. */
const VOLATILE_TAGS = new Set(['conversation']);
export const POINTS_PER_METRIC_IN_SLICE = 1;

const round = (n: number): number => Math.round(n * 1000) / 1000;

function readJson(file: string, vars: Record<string, string>, scriptText: string): unknown {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  // k6's machine-readable summary embeds the whole script under config.script: kept as a marker.
  const config = (parsed as { config?: { script?: unknown } } | null)?.config;
  if (config !== undefined && config.script === scriptText) config.script = '{SCRIPT_TEXT}';
  return templatizeJson(parsed, vars);
}

interface Line {
  type?: string;
  metric?: string;
  data?: { type?: string; value?: number; tags?: Record<string, string> | null };
}

function readSamples(
  file: string,
  vars: Record<string, string>,
): Pick<Observation, 'metrics' | 'samplesSlice' | 'tagSets'> {
  const metrics: Observation['metrics'] = {};
  const samplesSlice: string[] = [];
  const tagSets: string[] = [];
  if (!existsSync(file)) return { metrics, samplesSlice, tagSets };
  const raw = readFileSync(file);
  // A run refused at start or killed leaves a gzip stream unfinished: read what is there.
  const text = (
    file.endsWith('.gz') ? gunzipSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }) : raw
  ).toString('utf8');
  const sliced = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: Line;
    try {
      parsed = JSON.parse(line) as Line;
    } catch {
      continue; // the torn last line of an interrupted run
    }
    const name = parsed.metric ?? '';
    if (parsed.type === 'Metric') {
      metrics[name] ??= { type: parsed.data?.type ?? '?', series: [] };
      samplesSlice.push(templatize(line, vars));
      continue;
    }
    if (parsed.type !== 'Point') continue;
    if ((sliced.get(name) ?? 0) < POINTS_PER_METRIC_IN_SLICE) {
      sliced.set(name, (sliced.get(name) ?? 0) + 1);
      samplesSlice.push(templatize(line, vars));
    }
    const tags = Object.fromEntries(
      Object.entries(parsed.data?.tags ?? {})
        .map(([k, v]) => [k, VOLATILE_TAGS.has(k) ? '{ID}' : templatize(v, vars)] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    const key = JSON.stringify(tags);
    let index = tagSets.indexOf(key);
    if (index < 0) index = tagSets.push(key) - 1;
    const m = (metrics[name] ??= { type: '?', series: [] });
    let row = m.series.find((x) => x[0] === index);
    if (row === undefined) {
      row = [index, 0, 0, Infinity, -Infinity];
      m.series.push(row);
    }
    const v = parsed.data?.value ?? 0;
    row[1] += 1;
    row[2] += v;
    row[3] = Math.min(row[3], v);
    row[4] = Math.max(row[4], v);
  }
  for (const m of Object.values(metrics))
    for (const row of m.series) for (const i of [2, 3, 4] as const) row[i] = round(row[i]);
  return { metrics, samplesSlice, tagSets };
}

/** Per scenario: the sum of `iterations` and of `dropped_iterations` samples tagged with it. */
function scenarioCounts(
  metrics: Observation['metrics'],
  tagSets: readonly string[],
): Observation['scenarios'] {
  const out: Record<string, { iterations: number; dropped: number }> = {};
  for (const [metric, field] of [
    ['iterations', 'iterations'],
    ['dropped_iterations', 'dropped'],
  ] as const)
    for (const [tagSet, , sum] of metrics[metric]?.series ?? []) {
      const scenario = (JSON.parse(tagSets[tagSet] ?? '{}') as Record<string, string>).scenario ?? '';
      const row = (out[scenario] ??= { iterations: 0, dropped: 0 });
      row[field] += sum;
    }
  return out;
}

/** Log lines that say something (k6's logfmt `level=warning|error`, the local engine's WARN/ERRO). */
function notableStderr(stderr: string, vars: Record<string, string>): string[] {
  return stderr
    .split('\n')
    .filter((l) => /level=(warning|error)|^(WARN|ERRO)\b|HARNESS_ERR_/.test(l))
    .map((l) => templatize(l.replace(/^time="[^"]*" /, ''), vars));
}

export function observe(
  out: EngineOutput,
  files: { summaryExport: string; samples: string; summary: string },
  vars: Record<string, string>,
  scriptText: string,
): Observation {
  const { metrics, samplesSlice, tagSets } = readSamples(files.samples, vars);
  return {
    exitCode: out.exitCode,
    timedOut: out.timedOut,
    wallMs: out.wallMs,
    stderr: notableStderr(out.stderr, vars),
    scenarios: scenarioCounts(metrics, tagSets),
    tagSets,
    metrics,
    summaryExport: readJson(files.summaryExport, vars, scriptText),
    handleSummary: readJson(files.summary, vars, scriptText),
    samplesSlice,
  };
}
