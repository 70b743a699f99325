import { EXIT, TestAbort } from '../runtime/test-run.js';
import type { Vu } from '../runtime/vu.js';

export interface ExecutionInfo {
  /** The test's options; a function, as VU 0 (setup) is made before they are known. */
  options(): Readonly<Record<string, unknown>>;
  iterationsCompleted(): number;
  iterationsInterrupted(): number;
}

/** Module `k6/execution`: read-only views of the VU, its scenario and the instance; test.abort(). */
export function executionModule(vu: Vu, info: ExecutionInfo): Record<string, unknown> {
  const run = vu.run;
  const inInitError = (what: string): Error =>
    new Error(`getting ${what} information in the init context is not supported`);
  const api = {
    vu: {
      get idInInstance() {
        return vu.id;
      },
      get idInTest() {
        return vu.idInTest;
      },
      get iterationInInstance() {
        if (vu.inInit) throw inInitError('VU');
        return vu.iterationInInstance;
      },
      get iterationInScenario() {
        if (vu.inInit) throw inInitError('VU');
        return vu.iterationInScenario;
      },
    },
    scenario: {
      get name() {
        return need().name;
      },
      get executor() {
        return need().executor;
      },
      get startTime() {
        return Math.round(need().startTime);
      },
      get iterationInInstance() {
        need();
        return vu.scenarioIterationInInstance;
      },
      get iterationInTest() {
        need();
        return vu.iterationInTest;
      },
    },
    instance: {
      get vusActive() {
        return run.vusActive;
      },
      get vusInitialized() {
        return run.vusMax;
      },
      get iterationsCompleted() {
        return info.iterationsCompleted();
      },
      get iterationsInterrupted() {
        return info.iterationsInterrupted();
      },
      get currentTestRunDuration() {
        return run.elapsedMs();
      },
    },
    test: {
      abort(reason = 'test aborted'): never {
        const abort = new TestAbort(`test aborted: ${reason}`, EXIT.scriptAborted);
        run.abort(abort.reason, abort.exitCode);
        throw abort;
      },
      get options() {
        return info.options();
      },
    },
  };
  function need() {
    if (vu.inInit || vu.scenario === undefined) throw inInitError('scenario');
    return vu.scenario;
  }
  return { __esModule: true, default: api, ...api };
}
