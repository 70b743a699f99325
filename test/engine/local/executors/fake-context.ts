import type { MetricsEngine, Sample } from '../../../../src/engine/metrics/types.js';
import { TestRun } from '../../../../src/engine/local/runtime/test-run.js';
import type { Vu } from '../../../../src/engine/local/runtime/vu.js';
import {
  executionTuple,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  type ExecutionTuple,
} from '../../../../src/engine/local/segments/index.js';
import type { Executor, ExecutorContext } from '../../../../src/engine/local/executors/index.js';

/**
 * An executor context on vitest's fake clock (the caller calls vi.useFakeTimers first): every
 * iteration takes `iterationMs` of fake time and records the instant it started, so a test
 * asserts the planned schedule exactly, whatever the machine's load.
 */
export interface FakeRun {
  readonly ctx: ExecutorContext;
  readonly run: TestRun;
  /** Fake-clock ms since the scenario start at which each iteration started, and on which VU. */
  readonly starts: { at: number; vu: number }[];
  /** Instants at which a VU was initialised mid-test. */
  readonly newVus: number[];
  readonly samples: Sample[];
  readonly logs: string[];
  halted: number;
  /** Fake-clock ms since the start of each halt. */
  readonly haltedAt: number[];
}

export function fakeRun(
  executor: Executor,
  raw: Record<string, unknown>,
  opts: {
    /** How long an iteration takes, for all VUs or per VU id. */
    iterationMs?: number | ((vu: number) => number);
    name?: string;
    tags?: Record<string, string>;
    gracefulStopMs?: number;
    /** The run's segment, as `--execution-segment` / `--execution-segment-sequence` give it. */
    segment?: string;
    sequence?: string;
    /** Called with each sample as it is emitted (to act at an exact point of the schedule). */
    onSample?: (s: Sample, run: TestRun) => void;
  } = {},
): FakeRun {
  const samples: Sample[] = [];
  const logs: string[] = [];
  const metrics = {
    add: (s: Sample) => {
      samples.push(s);
      opts.onSample?.(s, run);
    },
  } as unknown as MetricsEngine;
  const run: TestRun = new TestRun(metrics, (line) => logs.push(line));
  const name = opts.name ?? 'sc';
  const params = executor.parse(raw, name);
  const tuple: ExecutionTuple = executionTuple(
    opts.segment === undefined ? undefined : parseExecutionSegment(opts.segment),
    opts.sequence === undefined ? undefined : parseExecutionSegmentSequence(opts.sequence),
  );
  const t0 = performance.now();
  let nextId = 1;
  const vu = (): Vu => ({ id: nextId++ }) as unknown as Vu;
  const starts: { at: number; vu: number }[] = [];
  const newVus: number[] = [];
  const state: FakeRun = {
    run,
    starts,
    newVus,
    samples,
    logs,
    halted: 0,
    haltedAt: [],
    ctx: {
      run,
      config: {
        name,
        executor: executor.name,
        exec: 'default',
        startTimeMs: 0,
        gracefulStopMs: opts.gracefulStopMs ?? 30_000,
        env: {},
        tags: opts.tags ?? {},
        params,
      },
      state: {} as ExecutorContext['state'],
      tuple,
      work: executor.workTuple(params, tuple) ?? tuple,
      vus: Array.from({ length: executor.preAllocate(params, tuple) }, vu),
      newVu: () => {
        newVus.push(performance.now() - t0);
        return vu();
      },
      iterate: (v) => {
        const id = (v as unknown as { id: number }).id;
        starts.push({ at: performance.now() - t0, vu: id });
        const ms = typeof opts.iterationMs === 'function' ? opts.iterationMs(id) : (opts.iterationMs ?? 0);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
      halt: () => {
        state.halted++;
        state.haltedAt.push(performance.now() - t0);
      },
    },
  };
  return state;
}
