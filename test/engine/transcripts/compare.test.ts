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
