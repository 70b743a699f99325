import type { Vu } from '../runtime/vu.js';
import { finishGracefully, wait, type ExecutorContext } from './types.js';

/** Float slack when comparing a computed start time with the end of the schedule. */
const EPSILON_MS = 1e-6;

/**
 * The open model shared by both arrival-rate executors, as k6 runs it: iteration n starts
 * at startAt(n) (ms from the scenario start, for each n of `indices` — 0, 1, 2, … for a whole
 * test, a segment's stripe of them otherwise — up to and including the end of the duration)
 * whether or not earlier ones finished. A free VU runs
 * it; when none is free the iteration is dropped (dropped_iterations) and, below maxVUs,
 * one more VU is initialised in the background — one at a time — and joins the pool for
 * later iterations (k6 never holds an iteration back while a VU initialises).
 */
export async function runArrivals(
  ctx: ExecutorContext,
  startAt: (n: number) => number,
  indices: Iterator<number>,
  durationMs: number,
  maxVus: number,
): Promise<void> {
  const { run } = ctx;
  const free: Vu[] = [...ctx.vus];
  let unplanned = Math.max(0, maxVus - ctx.vus.length);
  let allocating = false;
  const inflight = new Set<Promise<void>>();
  const t0 = performance.now();
  const endsAt = t0 + durationMs;
  // k6's getMetricTags: the run's tags and the scenario's name, not the scenario's own `tags`
  // (those go on the iteration's samples only).
  const dropTags = { ...run.globalTags, scenario: ctx.config.name };
  let warned = false;
  const allocate = (): void => {
    allocating = true;
    unplanned--;
    setImmediate(() => {
      allocating = false;
      if (run.stopping || performance.now() > endsAt) return;
      free.push(ctx.newVu());
    });
  };
  while (!run.stopping) {
    const due = startAt(indices.next().value as number);
    if (!(due <= durationMs + EPSILON_MS)) break;
    const delay = t0 + due - performance.now();
    // setTimeout is ms-granular; iterations due within the same ms start together.
    if (delay >= 1) await wait(delay, run.stop.signal);
    if (run.stopping) break;
    const vu = free.pop();
    if (vu === undefined) {
      run.emit('dropped_iterations', 1, dropTags);
      if (unplanned > 0 && !allocating) allocate();
      else if (unplanned === 0 && !warned) {
        warned = true;
        run.log('warning', `Insufficient VUs, reached ${maxVus} active VUs and cannot initialize more`, {
          executor: ctx.config.executor,
          scenario: ctx.config.name,
        });
      }
      continue;
    }
    const p = ctx.iterate(vu).then(() => {
      inflight.delete(p);
      free.push(vu);
    });
    inflight.add(p);
  }
  await finishGracefully(ctx, Promise.all([...inflight]), endsAt);
}
