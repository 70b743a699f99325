import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HarnessError } from '../errors/index.js';
import { readAggregates } from './read-aggregates.js';
import {
  emptyAggregates,
  type AggregateOptions,
  type RunAggregates,
  type SeriesEntry,
} from './run-aggregates.js';
import { readSamples, type MetricDeclaration, type RawSample, type SampleSet } from './samples.js';
import {
  bootstrapRelativeChange,
  mannWhitneyU,
  quantile,
  type BootstrapInterval,
  type RankTest,
} from './stats.js';

export type Verdict = 'regression' | 'improvement' | 'no-change' | 'insufficient-data';

export interface MetricComparison {
  readonly metric: string;
  readonly endpoint: string;
  readonly baselineCount: number;
  readonly currentCount: number;
  readonly baselineP95: number;
  readonly currentP95: number;
  readonly change: BootstrapInterval;
  readonly rank: RankTest;
  readonly verdict: Verdict;
}

export interface ComparisonResult {
  readonly baselineRun: string;
  readonly currentRun: string;
  readonly minEffect: number;
  readonly alpha: number;
  readonly comparisons: readonly MetricComparison[];
  readonly regressions: number;
}

export interface CompareOptions {
  /** Smallest relative p95 change that counts, e.g. 0.10 = +10 %. */
  readonly minEffect?: number;
  /** Significance level of the one-sided rank test. */
  readonly alpha?: number;
  readonly seed?: number;
  readonly iterations?: number;
  /** Below this many samples on either side a metric is reported, not judged. */
  readonly minSamples?: number;
  /** Larger groups are subsampled (seeded) so the bootstrap stays in milliseconds. */
  readonly maxSamples?: number;
}

// Connection phases are dominated by keep-alive luck, not by the deployment.
const SKIPPED = /^http_req_(blocked|connecting|tls_handshaking|sending|receiving)$|^iteration_duration$/;

/** The samples*.json[.gz] files of a run folder (one per scenario or one for all), sorted. */
export function runSampleFiles(runDir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(runDir)
      .filter((f) => /^samples.*\.json(\.gz)?$/.test(f))
      .sort();
  } catch {
    throw new HarnessError('HARNESS_ERR_RUN_NOT_FOUND', `no run folder at ${runDir}`, {
      hint: 'List runs with `ls reports/`; name one by its id or path.',
    });
  }
  return files.length === 0 ? ['samples.json.gz'] : files;
}

/** Reads every samples*.json[.gz] in a run folder into memory, raw (tests and engine checks only: see README). */
export async function readRunSamples(runDir: string): Promise<SampleSet> {
  const points: RawSample[] = [];
  const metrics = new Map<string, MetricDeclaration>();
  for (const file of runSampleFiles(runDir)) {
    const set = await readSamples(join(runDir, file));
    for (const p of set.points) points.push(p);
    for (const [k, v] of set.metrics) metrics.set(k, v);
  }
  return { points, metrics };
}

/** Streams every samples*.json[.gz] of a run folder, in order, into one set of aggregates. */
export async function readRunAggregates(
  runDir: string,
  options: AggregateOptions = {},
): Promise<RunAggregates> {
  const into = emptyAggregates(options);
  for (const file of runSampleFiles(runDir)) await readAggregates(join(runDir, file), into);
  return into;
}

/** The time-valued trend series, by metric and series (endpoint, and workflow role when tagged). */
export function groupTrends(set: RunAggregates): Map<string, SeriesEntry> {
  const groups = new Map<string, SeriesEntry>();
  for (const [key, entry] of set.series) {
    const decl = set.metrics.get(entry.metric);
    const isTimeTrend =
      decl === undefined
        ? entry.metric === 'http_req_duration'
        : decl.type === 'trend' && decl.contains === 'time';
    if (!isTimeTrend || SKIPPED.test(entry.metric) || entry.aggregate.reservoir === undefined) continue;
    groups.set(key, entry);
  }
  return groups;
}

/**
 * Metric by metric, from the raw samples: a regression needs BOTH the bootstrap
 * CI's lower bound of the relative p95 change above minEffect AND a significant
 * rank test, so one noisy tail sample cannot page anyone.
 */
export async function compareRuns(
  baselineDir: string,
  currentDir: string,
  options: CompareOptions = {},
): Promise<ComparisonResult> {
  const minEffect = options.minEffect ?? 0.1;
  const alpha = options.alpha ?? 0.05;
  const seed = options.seed ?? 1;
  // Each side streams into per-series aggregates with a seeded reservoir of maxSamples values:
  // a series that small is compared on all its raw values, a larger one on a uniform sample.
  const reservoir = options.maxSamples ?? 4000;
  const [base, cur] = [
    groupTrends(await readRunAggregates(baselineDir, { reservoir, seed })),
    groupTrends(await readRunAggregates(currentDir, { reservoir, seed: seed + 1 })),
  ];
  const comparisons: MetricComparison[] = [];
  for (const key of [...base.keys()].filter((k) => cur.has(k)).sort()) {
    const [metric = '', endpoint = ''] = key.split('\u0000');
    const b = base.get(key)!.aggregate.reservoir!.values;
    const c = cur.get(key)!.aggregate.reservoir!.values;
    const change = bootstrapRelativeChange(b, c, { q: 0.95, iterations: options.iterations ?? 1000, seed });
    const rank = mannWhitneyU(b, c);
    const lowRank = mannWhitneyU(c, b);
    let verdict: Verdict = 'no-change';
    if (Math.min(b.length, c.length) < (options.minSamples ?? 20)) verdict = 'insufficient-data';
    else if (change.lower > minEffect && rank.pGreater < alpha) verdict = 'regression';
    else if (change.upper < -minEffect && lowRank.pGreater < alpha) verdict = 'improvement';
    comparisons.push({
      metric,
      endpoint,
      baselineCount: b.length,
      currentCount: c.length,
      baselineP95: quantile(b, 0.95),
      currentP95: quantile(c, 0.95),
      change,
      rank,
      verdict,
    });
  }
  return {
    baselineRun: basename(baselineDir),
    currentRun: basename(currentDir),
    minEffect,
    alpha,
    comparisons,
    regressions: comparisons.filter((c) => c.verdict === 'regression').length,
  };
}
