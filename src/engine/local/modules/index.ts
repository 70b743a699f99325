import { checkModule } from '../supported.js';
import type { Vu } from '../runtime/vu.js';
import { dataModule } from './data.js';
import { executionModule, type ExecutionInfo } from './execution.js';
import { httpModule, type HttpModuleOptions } from './http.js';
import { k6Module } from './k6.js';
import { metricsModule } from './metrics.js';
import { timersModule } from './timers.js';

export { DEFAULT_RESPONSE_CALLBACK } from './http.js';
export { resetSharedArrays } from './data.js';
export type { ExecutionInfo } from './execution.js';
export type { HttpModuleOptions } from './http.js';

export interface ModuleOptions extends HttpModuleOptions {
  readonly execution: ExecutionInfo;
}

/** The `require` a VU's script gets: that VU's own instance of each k6 module, made on first use. */
export function vuRequire(vu: Vu, opts: ModuleOptions): (specifier: string) => unknown {
  const cache = new Map<string, unknown>();
  const factories: Record<string, () => unknown> = {
    k6: () => k6Module(vu),
    'k6/http': () => httpModule(vu, opts),
    'k6/metrics': () => metricsModule(vu),
    'k6/timers': () => timersModule(vu),
    'k6/execution': () => executionModule(vu, opts.execution),
    'k6/data': () => dataModule(),
  };
  return (specifier) => {
    checkModule(specifier);
    let mod = cache.get(specifier);
    if (mod === undefined) {
      const make = factories[specifier];
      if (make === undefined)
        throw new Error(`module ${specifier} is listed as supported but has no implementation`);
      mod = make();
      cache.set(specifier, mod);
    }
    return mod;
  };
}
