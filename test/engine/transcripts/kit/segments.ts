import { TOLERANCE } from './compare.js';
import type { Observation } from './observe.js';
import type { Transcript } from './transcript.js';

/**
 * What a segmented conformance script (test/engine/conformance/scripts/segments-*.mjs) shows
 * of its segment, from its custom counters: `segment_plan` (once, in setup: VUs initialised,
 * tagged with exec.test.options' segment and sequence), `segment_work` (per iteration, tagged
 * with exec.scenario.iterationInTest / iterationInInstance) and `segment_vus` (per iteration,
 * tagged with exec.vu.idInTest).
 */
export interface SegmentFacts {
  readonly iterations: Readonly<Record<string, number>>;
  readonly dropped: Readonly<Record<string, number>>;
  /** `segment|sequence` → VUs initialised, as setup() saw them. */
  readonly plan: Readonly<Record<string, number>>;
  /** `scenario iterationInTest iterationInInstance` of every iteration, sorted. */
  readonly work: readonly string[];
  /** exec.vu.idInTest of every VU that ran an iteration, sorted (which scenario got which varies on k6). */
  readonly vus: readonly number[];
  /** How many distinct VUs ran each scenario. */
  readonly vusPerScenario: Readonly<Record<string, number>>;
  /** The highest `vus_max` sample (VUs initialised), undefined when the run crossed no 1 s tick. */
  readonly vusMax: number | undefined;
}

export function segmentFacts(o: Observation): SegmentFacts {
  const tagsOf = (i: number): Record<string, string> =>
    JSON.parse(o.tagSets[i] ?? '{}') as Record<string, string>;
  const plan: Record<string, number> = {};
  for (const [i, , sum] of o.metrics.segment_plan?.series ?? []) {
    const t = tagsOf(i);
    plan[`${t.segment}|${t.sequence}`] = sum;
  }
  const work = (o.metrics.segment_work?.series ?? []).map(([i]) => {
    const t = tagsOf(i);
    return `${t.scenario} ${t.in_test} ${t.in_instance}`;
  });
  const vus = new Set<number>();
  const perScenario: Record<string, Set<string>> = {};
  for (const [i] of o.metrics.segment_vus?.series ?? []) {
    const t = tagsOf(i);
    vus.add(Number(t.vu));
    (perScenario[t.scenario ?? ''] ??= new Set()).add(t.vu ?? '');
  }
  const scenarios = Object.entries(o.scenarios);
  const vusMax = o.metrics.vus_max?.series.map((row) => row[4]);
  return {
    vusMax: vusMax === undefined || vusMax.length === 0 ? undefined : Math.max(...vusMax),
    iterations: Object.fromEntries(scenarios.map(([n, c]) => [n, c.iterations])),
    dropped: Object.fromEntries(scenarios.map(([n, c]) => [n, c.dropped])),
    plan,
    work: work.sort(),
    vus: [...vus].sort((a, b) => a - b),
    vusPerScenario: Object.fromEntries(
      Object.entries(perScenario)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([n, s]) => [n, s.size]),
    ),
  };
}

/** Executors whose count in a segment is a plan, not a race with the clock (constant-vus is the one that is not). */
export const PLANNED_COUNT = new Set([
  ...TOLERANCE.exactExecutors,
  'constant-arrival-rate',
  'ramping-arrival-rate',
]);

/** The arrival-rate executors: an arrival is started or dropped, and which one is a race with the machine. */
const ARRIVAL_RATE = new Set(['constant-arrival-rate', 'ramping-arrival-rate']);

/**
 * The work entries (`scenario iterationInTest iterationInInstance`) with, for each scenario named in
 * `keep`, only its first `keep[scenario]` iterations of this instance: iterations are numbered as
 * they start (k6's nextIterationCounters), so a run that dropped more started a prefix of the other's.
 */
function firstIterations(work: readonly string[], keep: ReadonlyMap<string, number>): string[] {
  const byScenario = new Map<string, string[]>();
  for (const w of work) {
    const scenario = w.split(' ')[0] ?? '';
    let entries = byScenario.get(scenario);
    if (entries === undefined) byScenario.set(scenario, (entries = []));
    entries.push(w);
  }
  const out: string[] = [];
  for (const [scenario, entries] of byScenario) {
    const n = keep.get(scenario);
    const inInstance = (w: string): number => Number(w.split(' ')[2]);
    const sorted = entries.sort((x, y) => inInstance(x) - inInstance(y));
    out.push(...(n === undefined ? sorted : sorted.slice(0, n)));
  }
  return out.sort();
}

/**
 * Every way the local engine's run of a segment disagrees with k6's beyond compareRun: the
 * iteration (and dropped) counts of every planned executor exactly, the VUs initialised, the
 * segment and sequence the script saw, each iteration's iterationInTest / iterationInInstance,
 * which VUs (by idInTest) ran, and `vus_max` where both runs sampled it.
 *
 * An arrival that finds every VU busy is dropped, on k6 as here, so on a machine that stalls one
 * run (a loaded CI core) an arrival-rate scenario can drop arrivals the other started. Then its
 * schedule is what must agree: iterations + dropped exactly, and since iterations are numbered as
 * they start, the run that started fewer started exactly the other's first ones (same
 * iterationInTest / iterationInInstance). Which VUs ran, and how many were initialised, then depend
 * on the stall and are not compared.
 */
export function compareSegmentRun(t: Transcript, local: Observation): string[] {
  const a = segmentFacts(t.observed);
  const b = segmentFacts(local);
  const out: string[] = [];
  const differ = (what: string, x: unknown, y: unknown): void => {
    if (JSON.stringify(x) !== JSON.stringify(y))
      out.push(`${what}: k6 ${JSON.stringify(x)}, local ${JSON.stringify(y)}`);
  };
  // Arrival-rate scenarios where one run dropped what the other started: each keeps its first min(…).
  const raced = new Map<string, number>();
  for (const name of new Set([...Object.keys(a.iterations), ...Object.keys(b.iterations)])) {
    const executor = t.executors[name] ?? '?';
    if (!PLANNED_COUNT.has(executor)) continue;
    const [ai, bi, ad, bd] = [
      a.iterations[name] ?? 0,
      b.iterations[name] ?? 0,
      a.dropped[name] ?? 0,
      b.dropped[name] ?? 0,
    ];
    if (ARRIVAL_RATE.has(executor) && ad !== bd && ai + ad === bi + bd) {
      raced.set(name, Math.min(ai, bi));
      continue;
    }
    differ(`scenario ${name} iterations`, ai, bi);
    differ(`scenario ${name} dropped`, ad, bd);
  }
  differ('segment|sequence → VUs initialised', a.plan, b.plan);
  differ(
    raced.size === 0
      ? 'iterations (scenario iterationInTest iterationInInstance)'
      : `iterations started by both runs (${[...raced.keys()].join(', ')}: arrivals dropped by one run only)`,
    firstIterations(a.work, raced),
    firstIterations(b.work, raced),
  );
  if (raced.size > 0) return out;
  differ('VUs that ran (idInTest)', a.vus, b.vus);
  differ('VUs per scenario', a.vusPerScenario, b.vusPerScenario);
  if (a.vusMax !== undefined && b.vusMax !== undefined) differ('vus_max', a.vusMax, b.vusMax);
  return out;
}

/** The `--execution-segment-sequence` of a variant's flags (undefined: the segment alone). */
export function sequenceFlag(flags: readonly string[]): string | undefined {
  const i = flags.indexOf('--execution-segment-sequence');
  return i < 0 ? undefined : flags[i + 1];
}
