export { createMetricsEngine } from './metrics-engine.js';
export { textSummary, type TextSummaryOptions } from './text-summary.js';
export { LOCAL_ENGINE_K6_VERSION } from './machine-readable-summary.js';
export { parseDurationMs } from './duration.js';
export * from './types.js';
export type {
  LegacySummaryData,
  LegacyMetric,
  MachineReadableSummaryV1,
  SummaryMetricV1,
} from './summary-types.js';
export type { LegacyGroup, LegacyCheck } from './root-group.js';
