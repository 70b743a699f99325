import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HarnessError } from '../errors/index.js';
import { readSamples, seriesOf, type RawSample, type SampleSet } from './samples.js';
import {
  bootstrapRelativeChange,
  mannWhitneyU,
  seededRandom,
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

/** Reads every samples*.json[.gz] in a run folder (one per scenario or one for all). */
export async function readRunSamples(runDir: string): Promise<SampleSet> {
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
  if (files.length === 0) await readSamples(join(runDir, 'samples.json.gz'));
  const points: RawSample[] = [];
  const metrics = new Map<string, SampleSet['metrics'] extends ReadonlyMap<string, infer D> ? D : never>();
  for (const file of files) {
    const set = await readSamples(join(runDir, file));
    for (const p of set.points) points.push(p);
    for (const [k, v] of set.metrics) metrics.set(k, v);
  }
  return { points, metrics };
}

/** Groups the time-valued trend samples by metric and series (endpoint, and workflow role when tagged). */
export function groupTrends(set: SampleSet): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const p of set.points) {
    const decl = set.metrics.get(p.metric);
    const isTimeTrend =
      decl === undefined
        ? p.metric === 'http_req_duration'
        : decl.type === 'trend' && decl.contains === 'time';
    if (!isTimeTrend || SKIPPED.test(p.metric) || !Number.isFinite(p.value)) continue;
    const key = `${p.metric}\u0000${seriesOf(p)}`;
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(p.value);
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
  const [base, cur] = [
    groupTrends(await readRunSamples(baselineDir)),
    groupTrends(await readRunSamples(currentDir)),
  ];
  const comparisons: MetricComparison[] = [];
  for (const key of [...base.keys()].filter((k) => cur.has(k)).sort()) {
    const [metric = '', endpoint = ''] = key.split('\u0000');
    const b = subsample(base.get(key)!, options.maxSamples ?? 4000, seed);
    const c = subsample(cur.get(key)!, options.maxSamples ?? 4000, seed + 1);
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

function subsample(values: number[], max: number, seed: number): number[] {
  if (values.length <= max) return values;
  const random = seededRandom(seed);
  const copy = values.slice();
  for (let i = 0; i < max; i += 1) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, max);
}
