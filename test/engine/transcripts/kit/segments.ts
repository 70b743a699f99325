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
  return {
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

/**
 * Every way the local engine's run of a segment disagrees with k6's beyond compareRun: the
 * iteration (and dropped) counts of every planned executor exactly, the VUs initialised, the
 * segment and sequence the script saw, each iteration's iterationInTest / iterationInInstance,
 * and which VUs (by idInTest) ran.
 */
export function compareSegmentRun(t: Transcript, local: Observation): string[] {
  const a = segmentFacts(t.observed);
  const b = segmentFacts(local);
  const out: string[] = [];
  const differ = (what: string, x: unknown, y: unknown): void => {
    if (JSON.stringify(x) !== JSON.stringify(y))
      out.push(`${what}: k6 ${JSON.stringify(x)}, local ${JSON.stringify(y)}`);
  };
  for (const name of new Set([...Object.keys(a.iterations), ...Object.keys(b.iterations)]))
    if (PLANNED_COUNT.has(t.executors[name] ?? '?')) {
      differ(`scenario ${name} iterations`, a.iterations[name] ?? 0, b.iterations[name] ?? 0);
      differ(`scenario ${name} dropped`, a.dropped[name] ?? 0, b.dropped[name] ?? 0);
    }
  differ('segment|sequence → VUs initialised', a.plan, b.plan);
  differ('iterations (scenario iterationInTest iterationInInstance)', a.work, b.work);
  differ('VUs that ran (idInTest)', a.vus, b.vus);
  differ('VUs per scenario', a.vusPerScenario, b.vusPerScenario);
  return out;
}

/** The `--execution-segment-sequence` of a variant's flags (undefined: the segment alone). */
export function sequenceFlag(flags: readonly string[]): string | undefined {
  const i = flags.indexOf('--execution-segment-sequence');
  return i < 0 ? undefined : flags[i + 1];
}
