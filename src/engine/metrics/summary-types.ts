import type { MetricType, ValueType } from './types.js';
import type { LegacyGroup } from './root-group.js';

/** One entry of handleSummary's `data.metrics` (k6's classic shape). */
export type LegacyMetric = {
  type: MetricType;
  contains: ValueType;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
};

/** handleSummary's `data` as the local engine builds it; MetricsEngine.legacySummary returns this shape. */
export type LegacySummaryData = {
  root_group: LegacyGroup;
  options: { summaryTrendStats: string[]; summaryTimeUnit: string; noColor: boolean };
  state: { isStdOutTTY: boolean; isStdErrTTY: boolean; testRunDurationMs: number };
  metrics: Record<string, LegacyMetric>;
  setup_data?: unknown;
};

export type SummaryMetricV1 = {
  name: string;
  type: MetricType;
  contains: ValueType;
  values: Record<string, number>;
};

/** k6's machine-readable summary v1.0.0; MetricsEngine.machineReadableSummary returns this shape. */
export type MachineReadableSummaryV1 = {
  version: '1.0.0';
  metadata: { generatedAt: string; k6Version: string };
  config: { execution: 'local' | 'cloud'; script?: string; duration: number };
  results: {
    passed: boolean;
    metrics: SummaryMetricV1[];
    checks?: { metrics?: SummaryMetricV1[]; results?: { name: string; passes: number; fails: number }[] };
  };
};
