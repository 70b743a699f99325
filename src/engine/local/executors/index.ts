import { constantArrivalRate } from './constant-arrival-rate.js';
import { constantVus } from './constant-vus.js';
import { perVuIterations } from './per-vu-iterations.js';
import { rampingArrivalRate } from './ramping-arrival-rate.js';
import { sharedIterations } from './shared-iterations.js';
import type { Executor } from './types.js';

export type { Executor, ExecutorContext, ScenarioConfig } from './types.js';
export { COMMON_FIELDS } from './types.js';

/** The executors the local engine implements; a new one is a file plus one line here. */
export const EXECUTORS: ReadonlyMap<string, Executor> = new Map(
  [sharedIterations, perVuIterations, constantVus, constantArrivalRate, rampingArrivalRate].map((e) => [
    e.name,
    e,
  ]),
);
