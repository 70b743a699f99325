import { runArrivals } from './arrival-schedule.js';
import { stripedIndices } from '../segments/index.js';
import { intField, invalid, maxVusField, positiveDuration } from './params.js';
import type { Executor } from './types.js';
import { parseDuration } from '../options/duration.js';

interface Stage {
  readonly target: number;
  readonly duration: number;
}

/**
 * Start time (ms) of iteration n (k6 counts from 1) when the rate moves linearly from stage to stage: the
 * n-th start is where the integral of the rate reaches n (solved per stage, a quadratic).
 */
export function rampingStartAt(
  startRate: number,
  timeUnit: number,
  stages: readonly Stage[],
): (n: number) => number {
  return (n) => {
    let before = 0;
    let elapsed = 0;
    let from = startRate / timeUnit;
    for (const stage of stages) {
      const to = stage.target / timeUnit;
      const count = ((from + to) / 2) * stage.duration;
      // The slack keeps the start that ends a stage exactly in it despite float rounding.
      if (n < before + count || (n <= before + count + 1e-9 && count > 0)) {
        const k = n - before;
        const a = (to - from) / (2 * stage.duration);
        const t =
          Math.abs(a) < 1e-12
            ? k / from
            : (-from + Math.sqrt(Math.max(0, from * from + 4 * a * k))) / (2 * a);
        return elapsed + t;
      }
      before += count;
      elapsed += stage.duration;
      from = to;
    }
    return Number.POSITIVE_INFINITY;
  };
}

/** k6 ramping-arrival-rate: the rate follows `stages` from startRate, VUs up to maxVUs. */
export const rampingArrivalRate: Executor = {
  name: 'ramping-arrival-rate',
  fields: ['startRate', 'timeUnit', 'stages', 'preAllocatedVUs', 'maxVUs'],
  parse(raw, scenario) {
    const preAllocatedVUs = intField(raw, 'preAllocatedVUs', scenario, undefined, 0);
    if (!Array.isArray(raw.stages) || raw.stages.length === 0)
      throw invalid(scenario, 'stages', 'must be a non-empty array of {target, duration}');
    const stages = (raw.stages as unknown[]).map((s, i): Stage => {
      const st = (s ?? {}) as Record<string, unknown>;
      if (typeof st.target !== 'number' || st.target < 0)
        throw invalid(scenario, `stages[${i}].target`, 'must be a number ≥ 0');
      return {
        target: st.target,
        duration: parseDuration(st.duration, `scenario '${scenario}': stages[${i}].duration`),
      };
    });
    return {
      startRate: intField(raw, 'startRate', scenario, 0, 0),
      timeUnit: positiveDuration(raw, 'timeUnit', scenario, '1s'),
      stages,
      preAllocatedVUs,
      maxVUs: maxVusField(raw, scenario, preAllocatedVUs),
    };
  },
  preAllocate: (p, tuple) => tuple.scale(p.preAllocatedVUs as number),
  maxVus: (p, tuple) => tuple.scale(p.maxVUs as number),
  // k6 stripes the arrivals by maxVUs: a segment starts its share of them, at the whole test's instants.
  workTuple: (p, tuple) =>
    tuple.scale(p.maxVUs as number) > 0 ? tuple.rescaled(p.maxVUs as number) : undefined,
  plannedMs: (p) => (p.stages as Stage[]).reduce((s, st) => s + st.duration, 0),
  run(ctx) {
    const { startRate, timeUnit, stages, maxVUs } = ctx.config.params as {
      startRate: number;
      timeUnit: number;
      stages: Stage[];
      maxVUs: number;
    };
    const total = stages.reduce((s, st) => s + st.duration, 0);
    // k6 starts iteration i (from 1) where the rate's integral reaches i, the last one at the end;
    // a segment starts the i of its stripe (its indices among the whole test's, from 1).
    const startAt = rampingStartAt(startRate, timeUnit, stages);
    return runArrivals(
      ctx,
      (gi) => startAt(gi + 1),
      stripedIndices(ctx.work),
      total,
      ctx.tuple.scale(maxVUs),
    );
  },
};
