import type { TestRun } from '../runtime/test-run.js';
import type { ExecutionTuple } from '../segments/index.js';
import type { ScenarioState, Vu } from '../runtime/vu.js';

/** A scenario after option parsing: the fields common to all executors plus the executor's own. */
export interface ScenarioConfig {
  readonly name: string;
  readonly executor: string;
  readonly exec: string;
  readonly startTimeMs: number;
  readonly gracefulStopMs: number;
  readonly env: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  /** The executor's own fields, validated by its `parse`. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ExecutorContext {
  readonly run: TestRun;
  readonly config: ScenarioConfig;
  readonly state: ScenarioState;
  /** The run's segment in its sequence (the whole test when not segmented). */
  readonly tuple: ExecutionTuple;
  /** The run's segment as this executor splits its iterations (its `workTuple`). */
  readonly work: ExecutionTuple;
  /** VUs initialised before the test started (the executor's `preAllocate`). */
  readonly vus: readonly Vu[];
  /** Initialises one more VU mid-test (arrival-rate executors up to maxVUs). */
  newVu(): Vu;
  /** Runs one iteration on the VU; resolves when it ended (completed, failed or interrupted). */
  iterate(vu: Vu): Promise<void>;
  /** Interrupts the iterations still running (after gracefulStop), like k6's hard stop. */
  halt(): void;
}

export interface Executor {
  readonly name: string;
  /** Keys this executor accepts besides the common ones (unknown keys are refused). */
  readonly fields: readonly string[];
  /** Validates the executor's fields (HARNESS_ERR_ENGINE_OPTIONS) and returns them normalised. */
  parse(raw: Readonly<Record<string, unknown>>, scenario: string): Record<string, unknown>;
  /**
   * VUs to initialise before the start, and the most it may use, in the run's segment
   * (`tuple`; the whole test when not segmented): k6 scales them with ExecutionTuple.ScaleInt64.
   */
  preAllocate(params: Readonly<Record<string, unknown>>, tuple: ExecutionTuple): number;
  maxVus(params: Readonly<Record<string, unknown>>, tuple: ExecutionTuple): number;
  /**
   * The tuple this executor stripes its iterations (and arrivals) by in the run's segment
   * (k6's executor Init: shared-iterations re-cuts the sequence by its VUs, the arrival rates by
   * maxVUs), or undefined when the segment gets no work (k6's HasWork: the scenario is skipped).
   */
  workTuple(params: Readonly<Record<string, unknown>>, tuple: ExecutionTuple): ExecutionTuple | undefined;
  /** Longest planned run time without gracefulStop, for progress. */
  plannedMs(params: Readonly<Record<string, unknown>>): number;
  run(ctx: ExecutorContext): Promise<void>;
}

export const COMMON_FIELDS = ['executor', 'exec', 'startTime', 'gracefulStop', 'env', 'tags'];

/**
 * A closed-model executor's VU loop: k6 counts the VU in the `vus` gauge from activation
 * until its loop ends, busy or not (arrival-rate VUs count only while in an iteration).
 */
export async function activeLoop(ctx: ExecutorContext, vu: Vu, loop: () => Promise<void>): Promise<void> {
  vu.heldActive = true;
  ctx.run.vusActive++;
  try {
    await loop();
  } finally {
    vu.heldActive = false;
    ctx.run.vusActive--;
  }
}

/** Resolves after ms, or at once when the run is stopping. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Waits for `work` after the scenario's active phase ended at `endsAt` (performance.now()
 * ms): at most gracefulStop more, then halts the stragglers. A test abort halts at once.
 */
export async function finishGracefully(
  ctx: ExecutorContext,
  work: Promise<unknown>,
  endsAt: number,
): Promise<void> {
  const settled = new AbortController();
  const signal = AbortSignal.any([ctx.run.stop.signal, settled.signal]);
  let finished = false;
  await Promise.race([
    work.then(() => {
      finished = true;
    }),
    (async () => {
      await wait(endsAt - performance.now(), signal);
      await wait(ctx.config.gracefulStopMs, signal);
    })(),
  ]);
  // Cancels the grace timer, which would otherwise keep the process alive.
  settled.abort();
  if (!finished) ctx.halt();
}
