import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { scriptStack } from './script-stack.js';
import { Interrupted, TestAbort, type TestRun } from './test-run.js';
import type { ScenarioState, Vu } from './vu.js';

/**
 * Runs one iteration of a scenario's exec function on a VU, k6-style: __ITER and the
 * execution counters advance, the iteration lasts until the function returned and the
 * VU's timers / async requests are done, and `iterations` + `iteration_duration` are
 * emitted unless the iteration was interrupted (data_sent / data_received always). An exception is logged and the VU goes on.
 */
export async function iterate(
  run: TestRun,
  vu: Vu,
  state: ScenarioState,
  setupJson: string | undefined,
): Promise<void> {
  if (vu.halted || run.stopping) return;
  vu.scenario = state;
  vu.iterationInInstance++;
  vu.iterationInScenario++;
  const { scaled, unscaled } = state.iterations.next();
  vu.scenarioIterationInInstance = scaled - 1;
  vu.iterationInTest = unscaled - 1;
  vu.setGlobals(vu.id, vu.iterationInInstance);
  vu.groupPath = '';
  vu.busy = true;
  if (!vu.heldActive) run.vusActive++;
  const start = performance.now();
  // k6 counts the iteration that called test.abort() (its context was not yet cancelled).
  let calledAbort = false;
  try {
    const fn = vu.exports[state.exec] as (data: unknown) => unknown;
    await fn(vu.data(setupJson));
    await vu.idle();
  } catch (error) {
    if (error instanceof TestAbort) calledAbort = true;
    if (!(error instanceof Interrupted) && !(error instanceof TestAbort) && !vu.halted) {
      run.log('error', scriptStack(error), {
        executor: state.executor,
        scenario: state.name,
        source: 'stacktrace',
      });
    }
  } finally {
    vu.busy = false;
    if (!vu.heldActive) run.vusActive--;
  }
  const tags = { ...run.globalTags, ...state.tags, scenario: state.name, group: '' };
  // Like k6 (internal/js/runner.go runFn): the bytes of every iteration, interrupted or not;
  // iterations and iteration_duration only for a full one.
  // A halted VU's bytes were reported when it was halted (run-test.ts).
  if (!vu.halted) vu.emitNetworkTrail(tags);
  if ((vu.halted || run.aborted !== undefined) && !calledAbort) return;
  run.iterationsCompleted++;
  run.emit('iteration_duration', performance.now() - start, tags);
  run.emit('iterations', 1, tags);
  // An iteration that never waited on I/O would otherwise starve timers and other VUs.
  await yieldToLoop();
}
