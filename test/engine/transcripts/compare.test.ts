import { describe, expect, it } from 'vitest';
import { type Observation, compareRun, readTranscripts, withinTolerance } from './kit/index.js';

/** The replay's comparison finds each kind of difference, and none between a run and itself. */
const transcripts = readTranscripts();
const base = transcripts.get('conformance/thresholds-fail')!;
const clone = (o: Observation): Observation => structuredClone(o);

describe('compareRun (k6 transcript vs a local run)', () => {
  it('finds nothing between a k6 run and itself, for every transcript', () => {
    expect(transcripts.size).toBeGreaterThan(0);
    for (const t of transcripts.values()) expect(compareRun(t, clone(t.observed)), t.id).toEqual([]);
  });

  it('iteration tolerance: exact for fixed-count executors, else max(3, 20 %) of k6', () => {
    expect(withinTolerance('shared-iterations', 10, 10)).toBe(true);
    expect(withinTolerance('per-vu-iterations', 10, 9)).toBe(false);
    expect(withinTolerance('constant-vus', 10, 7)).toBe(true);
    expect(withinTolerance('constant-vus', 10, 6)).toBe(false);
    expect(withinTolerance('constant-arrival-rate', 100, 80)).toBe(true);
    expect(withinTolerance('constant-arrival-rate', 100, 79)).toBe(false);
  });

  it("time-bound constant-vus: k6's VU-time at the local run's own iteration speed, not the raw count", () => {
    const t = transcripts.get('conformance/constant-vus')!;
    const k6Count = t.observed.scenarios.steady.iterations;
    // `factor` times fewer iterations: with the time they took unchanged (each `factor` times as
    // long: a slower machine) or cut by the same factor (the engine ran the scenario shorter).
    const fewer = (factor: number, sameTime: boolean): Observation => {
      const local = clone(t.observed);
      local.scenarios.steady.iterations = Math.round(k6Count / factor);
      for (const series of local.metrics.iteration_duration.series) {
        series[1] = Math.max(1, Math.round(series[1] / factor));
        if (!sameTime) series[2] /= factor;
      }
      return local;
    };
    // A loaded machine: half as many iterations, each twice as long → the same VU-time: agrees.
    const half = Math.round(k6Count / 2);
    expect(compareRun(t, fewer(2, true))).toEqual([]);
    // Half as many iterations at k6's own speed: the engine gave the scenario half the VU-time.
    expect(compareRun(t, fewer(2, false))).toContainEqual(
      `scenario steady (constant-vus) iterations (k6's VU-time at local speed): k6 ${k6Count}, local ${half}`,
    );
  });

  it('arrival rate: iterations + dropped (the schedule) must agree; how they split may not matter', () => {
    const t = transcripts.get('conformance/constant-arrival-rate')!;
    const [name, counts] = Object.entries(t.observed.scenarios)[0];
    const moved = clone(t.observed);
    moved.scenarios[name] = { iterations: counts.iterations - 5, dropped: counts.dropped + 5 };
    expect(compareRun(t, moved)).toEqual([]);
    const lost = clone(t.observed);
    lost.scenarios[name] = { iterations: Math.floor(counts.iterations / 2), dropped: counts.dropped };
    expect(compareRun(t, lost).some((f) => f.includes('iterations + dropped'))).toBe(true);
  });

  it('vus / vus_max (sampled on the 1 s tick) may be on one side only; any other metric may not', () => {
    const local = clone(base.observed);
    local.metrics.vus = { series: [[0, 1, 1, 1, 1]] } as unknown as (typeof local.metrics)[string];
    expect(compareRun(base, local)).toEqual([]);
    delete local.metrics.iterations;
    expect(compareRun(base, local)).toEqual(['metric names: k6 has, local lacks: iterations']);
  });

  it('finds a different exit code and iteration count', () => {
    const local = {
      ...clone(base.observed),
      exitCode: 0,
      scenarios: { once: { iterations: 3, dropped: 0 } },
    };
    expect(compareRun(base, local)).toEqual([
      'exit code: k6 99, local 0',
      'scenario once (per-vu-iterations) iterations: k6 4, local 3',
    ]);
  });

  it('finds a missing metric, another tag set, a missing summary key, a different verdict', () => {
    const local = clone(base.observed);
    delete local.metrics.iteration_duration;
    local.tagSets.push('{"group":"","scenario":"once","extra":"x"}');
    local.metrics.conf_size.series[0][0] = local.tagSets.length - 1;
    const summary = local.handleSummary as {
      state: Record<string, unknown>;
      metrics: Record<string, { thresholds: Record<string, { ok: boolean }> }>;
    };
    delete summary.state.testRunDurationMs;
    summary.metrics.conf_size.thresholds['p(95)<3'] = { ok: true };
    const found = compareRun(base, local);
    expect(found).toContainEqual('metric names: k6 has, local lacks: iteration_duration');
    expect(found).toContainEqual('tag names of conf_size: k6 has, local lacks: group,scenario');
    expect(found).toContainEqual('tag names of conf_size: local has, k6 lacks: group,scenario,extra');
    expect(found).toContainEqual('handleSummary keys: k6 has, local lacks: state.testRunDurationMs');
    expect(found.some((f) => f.startsWith('threshold verdicts: k6 ['))).toBe(true);
  });

  it('a run with no files at all differs in every respect it can', () => {
    const empty: Observation = {
      ...clone(base.observed),
      metrics: {},
      tagSets: [],
      scenarios: {},
      handleSummary: null,
      summaryExport: null,
    };
    const found = compareRun(base, empty);
    for (const what of [
      'scenario once',
      'metric names',
      'handleSummary keys',
      'summaryExport keys',
      'threshold verdicts',
    ])
      expect(
        found.some((f) => f.startsWith(what)),
        what,
      ).toBe(true);
  });
});
