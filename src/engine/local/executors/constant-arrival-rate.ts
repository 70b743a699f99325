import { runArrivals } from './arrival-schedule.js';
import { stripedIndices } from '../segments/index.js';
import { intField, atLeastOneSecond, maxVusField, positiveDuration } from './params.js';
import type { Executor } from './types.js';

/** k6 constant-arrival-rate: `rate` iterations per `timeUnit` for `duration`, VUs up to maxVUs. */
export const constantArrivalRate: Executor = {
  name: 'constant-arrival-rate',
  fields: ['rate', 'timeUnit', 'duration', 'preAllocatedVUs', 'maxVUs'],
  parse(raw, scenario) {
    const preAllocatedVUs = intField(raw, 'preAllocatedVUs', scenario, undefined, 0);
    return {
      rate: intField(raw, 'rate', scenario, undefined),
      timeUnit: positiveDuration(raw, 'timeUnit', scenario, '1s'),
      duration: atLeastOneSecond(raw, 'duration', scenario, undefined),
      preAllocatedVUs,
      maxVUs: maxVusField(raw, scenario, preAllocatedVUs),
    };
  },
  preAllocate: (p, tuple) => tuple.scale(p.preAllocatedVUs as number),
  maxVus: (p, tuple) => tuple.scale(p.maxVUs as number),
  // k6 stripes the arrivals by maxVUs: a segment starts its share of them, at the whole test's instants.
  workTuple: (p, tuple) =>
    tuple.scale(p.maxVUs as number) > 0 ? tuple.rescaled(p.maxVUs as number) : undefined,
  plannedMs: (p) => p.duration as number,
  run(ctx) {
    const { rate, timeUnit, duration, maxVUs } = ctx.config.params as {
      rate: number;
      timeUnit: number;
      duration: number;
      maxVUs: number;
    };
    const interval = timeUnit / rate;
    // k6 ticks at 0, 1/rate, … and also at exactly `duration` (20/s for 1 s: 21 starts);
    // a segment takes the ticks of its stripe (gi = its indices among the whole test's).
    return runArrivals(
      ctx,
      (gi) => gi * interval,
      stripedIndices(ctx.work),
      duration,
      ctx.tuple.scale(maxVUs),
    );
  },
};
