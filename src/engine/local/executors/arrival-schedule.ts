import type { Vu } from '../runtime/vu.js';
import { finishGracefully, wait, type ExecutorContext } from './types.js';

/**
 * The open model shared by both arrival-rate executors: iteration n starts at startAt(n)
 * (ms from the scenario start) whether or not earlier ones finished. A free VU runs it;
 * otherwise a new VU is initialised up to maxVUs; otherwise it is dropped and counted in
 * dropped_iterations, as k6 does.
 */
export async function runArrivals(
  ctx: ExecutorContext,
  startAt: (n: number) => number,
  durationMs: number,
  maxVus: number,
): Promise<void> {
  const { run } = ctx;
  const free: Vu[] = [...ctx.vus];
  let allocated = ctx.vus.length;
  const inflight = new Set<Promise<void>>();
  const t0 = performance.now();
  const endsAt = t0 + durationMs;
  const dropTags = { ...run.globalTags, ...ctx.config.tags, scenario: ctx.config.name };
  for (let n = 0; !run.stopping; n++) {
    const due = startAt(n);
    if (!(due < durationMs)) break;
    const delay = t0 + due - performance.now();
    // setTimeout is ms-granular; iterations due within the same ms start together.
    if (delay >= 1) await wait(delay, run.stop.signal);
    if (run.stopping) break;
    let vu = free.pop();
    if (vu === undefined && allocated < maxVus) {
      allocated++;
      vu = ctx.newVu();
    }
    if (vu === undefined) {
      run.emit('dropped_iterations', 1, dropTags);
      continue;
    }
    const chosen = vu;
    const p = ctx.iterate(chosen).then(() => {
      inflight.delete(p);
      free.push(chosen);
    });
    inflight.add(p);
  }
  await finishGracefully(ctx, Promise.all([...inflight]), endsAt);
}
