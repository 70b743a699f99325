import { activeLoop, finishGracefully, type Executor } from './types.js';
import { intField, invalid, atLeastOneSecond } from './params.js';

/**
 * k6 shared-iterations: `iterations` in total, shared by `vus` VUs, within maxDuration. A segment
 * runs its share of the VUs and the iterations in proportion to those VUs (k6 re-cuts the
 * sequence by `vus`: with 3 VUs, 0:1/2 gets 2 VUs and 7 of 10 iterations, 1/2:1 one VU and 3).
 */
export const sharedIterations: Executor = {
  name: 'shared-iterations',
  fields: ['vus', 'iterations', 'maxDuration'],
  parse(raw, scenario) {
    const vus = intField(raw, 'vus', scenario, 1);
    const iterations = intField(raw, 'iterations', scenario, 1);
    if (iterations < vus)
      throw invalid(scenario, 'iterations', `(${iterations}) can't be less than the number of VUs (${vus})`);
    return { vus, iterations, maxDuration: atLeastOneSecond(raw, 'maxDuration', scenario, '10m') };
  },
  preAllocate: (p, tuple) => tuple.scale(p.vus as number),
  maxVus: (p, tuple) => tuple.scale(p.vus as number),
  workTuple(p, tuple) {
    const work = tuple.scale(p.vus as number) > 0 ? tuple.rescaled(p.vus as number) : undefined;
    return work !== undefined && work.scale(p.iterations as number) > 0 ? work : undefined;
  },
  plannedMs: (p) => p.maxDuration as number,
  async run(ctx) {
    const params = ctx.config.params as { iterations: number; maxDuration: number };
    const { maxDuration } = params;
    const iterations = ctx.work.scale(params.iterations);
    const endsAt = performance.now() + maxDuration;
    let started = 0;
    const active = (): boolean => started < iterations && performance.now() < endsAt && !ctx.run.stopping;
    const work = Promise.all(
      ctx.vus.map((vu) =>
        activeLoop(ctx, vu, async () => {
          while (active()) {
            started++;
            await ctx.iterate(vu);
          }
        }),
      ),
    );
    await finishGracefully(ctx, work, endsAt);
  },
};
