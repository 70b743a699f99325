import { activeLoop, finishGracefully, type Executor } from './types.js';
import { intField, invalid, atLeastOneSecond } from './params.js';

/** k6 shared-iterations: `iterations` in total, shared by `vus` VUs, within maxDuration. */
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
  preAllocate: (p) => p.vus as number,
  maxVus: (p) => p.vus as number,
  plannedMs: (p) => p.maxDuration as number,
  async run(ctx) {
    const { iterations, maxDuration } = ctx.config.params as { iterations: number; maxDuration: number };
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
