import { HarnessError, isHarnessError } from '../../../errors/index.js';
import type { LoadedScript } from '../load-script.js';
import { scriptConsole } from '../modules/console.js';
import { DEFAULT_RESPONSE_CALLBACK, vuRequire, type ModuleOptions } from '../modules/index.js';
import type { TestRun } from './test-run.js';
import { scriptStack } from './script-stack.js';
import { Vu } from './vu.js';

/**
 * Makes VU `id` (0 = the one that runs setup, teardown and handleSummary; `idInTest` its
 * id among the whole test's VUs when the run is a segment) and runs the
 * script's init context for it. An exception there is the script's fault: reported as
 * HARNESS_ERR_ENGINE_SCRIPT before any request is made.
 */
export function createVu(
  id: number,
  idInTest: number,
  run: TestRun,
  script: LoadedScript,
  env: Readonly<Record<string, string>>,
  modules: ModuleOptions,
): Vu {
  const vu = new Vu(id, idInTest, run, env, DEFAULT_RESPONSE_CALLBACK);
  const require = vuRequire(vu, modules);
  const timers = (require('k6/timers') as { default: Record<string, unknown> }).default;
  try {
    vu.exports = script.instantiate({
      require,
      env: { ...env },
      bindGlobals: (set) => {
        vu.setGlobals = set;
        set(id, 0);
      },
      timers,
      console: scriptConsole(run),
    });
  } catch (error) {
    vu.dispose();
    if (isHarnessError(error)) throw error;
    throw new HarnessError(
      'HARNESS_ERR_ENGINE_SCRIPT',
      `the init context of ${script.path} threw (VU ${id}): ${scriptStack(error)}`,
      { cause: error },
    );
  }
  vu.inInit = false;
  if (id > 0) run.vusMax++;
  return vu;
}
