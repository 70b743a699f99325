/** `harness load`: bundles the k6 scenarios, picks an engine, runs it, writes the load results. */
export { runLoad, type LoadConfig, type LoadOptions, type LoadResult } from './run-load.js';
export { listScenarios } from './list-scenarios.js';
export { buildScenarios, assertSelfContained, bundlesStale, BUNDLES_DIR, type Bundle } from './build.js';
export {
  selectEngine,
  parseK6Version,
  MIN_K6_MAJOR,
  type EngineChoice,
  type EngineRequest,
} from './select-engine.js';
export { thresholdsFromExport, thresholdsJunit } from './junit.js';
