import { activeLoop, finishGracefully, type Executor } from './types.js';
import { intField, atLeastOneSecond } from './params.js';

/** k6 constant-vus: `vus` VUs loop over the function for `duration` (a segment runs its share of the VUs). */
export const constantVus: Executor = {
  name: 'constant-vus',
  fields: ['vus', 'duration'],
  parse: (raw, scenario) => ({
    vus: intField(raw, 'vus', scenario, 1),
    duration: atLeastOneSecond(raw, 'duration', scenario, undefined),
  }),
  preAllocate: (p, tuple) => tuple.scale(p.vus as number),
  maxVus: (p, tuple) => tuple.scale(p.vus as number),
  workTuple: (p, tuple) => (tuple.scale(p.vus as number) > 0 ? tuple : undefined),
  plannedMs: (p) => p.duration as number,
  async run(ctx) {
    const { duration } = ctx.config.params as { duration: number };
    const endsAt = performance.now() + duration;
    const work = Promise.all(
      ctx.vus.map((vu) =>
        activeLoop(ctx, vu, async () => {
          while (performance.now() < endsAt && !ctx.run.stopping) await ctx.iterate(vu);
        }),
      ),
    );
    await finishGracefully(ctx, work, endsAt);
  },
};
