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
  contains: ValueType;
  name: string;
  type: MetricType;
  values: Record<string, number | null>;
};

/** What k6 v2.2.0 hands handleSummary under --new-machine-readable-summary (its "1.0.0" format). */
export type MachineReadableSummary = {
  config: { duration: number; execution: 'local' | 'cloud'; script: string };
  metadata: { generated_at: string; k6_version: string };
  results: {
    checks: { metrics: SummaryMetricV1[]; results: { fails: number; name: string; passes: number }[] };
    metrics: SummaryMetricV1[];
  };
  version: '1.0.0';
};
