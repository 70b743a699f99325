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
export { thresholdsJunit } from './junit.js';
export { buildLoadSummary, isClassicSummaryData, type ClassicSummaryData } from './build-load-summary.js';
export { thresholdLines } from './threshold-lines.js';
export { dashboardEnv, DashboardWatcher, DASHBOARD_DEFAULT_HOST } from './dashboard.js';
