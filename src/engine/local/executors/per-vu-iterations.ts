import { activeLoop, finishGracefully, type Executor } from './types.js';
import { intField, atLeastOneSecond } from './params.js';

/**
 * k6 per-vu-iterations: each of `vus` VUs runs `iterations` iterations, within maxDuration; a
 * segment runs its share of the VUs, each with all its iterations.
 */
export const perVuIterations: Executor = {
  name: 'per-vu-iterations',
  fields: ['vus', 'iterations', 'maxDuration'],
  parse: (raw, scenario) => ({
    vus: intField(raw, 'vus', scenario, 1),
    iterations: intField(raw, 'iterations', scenario, 1),
    maxDuration: atLeastOneSecond(raw, 'maxDuration', scenario, '10m'),
  }),
  preAllocate: (p, tuple) => tuple.scale(p.vus as number),
  maxVus: (p, tuple) => tuple.scale(p.vus as number),
  workTuple: (p, tuple) => (tuple.scale(p.vus as number) > 0 ? tuple : undefined),
  plannedMs: (p) => p.maxDuration as number,
  async run(ctx) {
    const { iterations, maxDuration } = ctx.config.params as { iterations: number; maxDuration: number };
    const endsAt = performance.now() + maxDuration;
    const work = Promise.all(
      ctx.vus.map((vu) =>
        activeLoop(ctx, vu, async () => {
          for (let i = 0; i < iterations && performance.now() < endsAt && !ctx.run.stopping; i++)
            await ctx.iterate(vu);
        }),
      ),
    );
    await finishGracefully(ctx, work, endsAt);
  },
};
