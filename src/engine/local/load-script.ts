import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { HarnessError, isHarnessError } from '../../errors/index.js';
import { HIDDEN_GLOBALS, SCRIPT_CRYPTO } from './runtime/script-globals.js';
import { checkSource, unsupported } from './supported.js';
import { transformScript } from './transform/transform-script.js';

type Wrapper = (
  exports: Record<string, unknown>,
  require: (s: string) => unknown,
  module: { exports: Record<string, unknown> },
  env: Record<string, string>,
  bind: (set: (vu: number, iter: number) => void) => void,
  open: () => never,
  timers: Record<string, unknown>,
  console: Record<string, unknown>,
  crypto: Record<string, unknown>,
) => void;

export interface VuBindings {
  readonly require: (specifier: string) => unknown;
  readonly env: Record<string, string>;
  /** Receives the setter of the instance's __VU / __ITER. */
  readonly bindGlobals: (set: (vu: number, iter: number) => void) => void;
  /** k6's timers are globals too; they must be the VU's own. */
  readonly timers: Record<string, unknown>;
  /** k6's console (stderr, source=console). */
  readonly console: Record<string, unknown>;
}

export interface LoadedScript {
  readonly path: string;
  /** Evaluates the script once more (a VU's init context) and returns its exports. */
  instantiate(bindings: VuBindings): Record<string, unknown>;
}

/**
 * Compiles a k6 bundle once; every VU then evaluates it in its own function scope, so
 * top-level `let` state is per VU (as each k6 VU has its own JS runtime) while the code,
 * the builtins and the realm are shared — which keeps a VU at a few hundred KB.
 */
export function loadScript(path: string): LoadedScript {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HarnessError(
      'HARNESS_ERR_ENGINE_SCRIPT',
      `cannot read the script ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: error },
    );
  }
  let code: string;
  try {
    checkSource(source);
    code = transformScript(source, path);
  } catch (error) {
    if (isHarnessError(error))
      throw new HarnessError(error.code, `${path}: ${error.message}`, { hint: error.hint });
    throw error;
  }
  // The prefix shares line 1 with the script (the transform keeps every line where it was), so
  // a stack trace's line is the script's own; the inner function lets the script declare names
  // of its own that shadow the injected ones. Node's host globals are declared undefined around
  // the script (k6 has none of them).
  const hidden = HIDDEN_GLOBALS.map((name) => `${name} = undefined`).join(', ');
  const wrapped = `(function (exports, require, module, __ENV, __k6bind, open, __k6timers, console, crypto) { "use strict"; let __VU = 0, __ITER = 0; __k6bind((v, i) => { __VU = v; __ITER = i; }); const { setTimeout, clearTimeout, setInterval, clearInterval } = __k6timers; const ${hidden}; (function () {${code}\n})(); })`;
  let fn: Wrapper;
  try {
    fn = new vm.Script(wrapped, { filename: path }).runInThisContext() as Wrapper;
  } catch (error) {
    throw new HarnessError('HARNESS_ERR_ENGINE_SCRIPT', `${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const open = (): never => {
    throw unsupported(
      'open()',
      'the local engine reads no files from a script; inline the data or run with k6',
    );
  };
  return {
    path,
    instantiate(bindings) {
      const module = { exports: {} as Record<string, unknown> };
      fn.call(
        undefined,
        module.exports,
        bindings.require,
        module,
        bindings.env,
        bindings.bindGlobals,
        open,
        bindings.timers,
        bindings.console,
        SCRIPT_CRYPTO,
      );
      return module.exports;
    },
  };
}
