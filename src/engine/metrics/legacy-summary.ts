import type { MetricEntry } from './metric-registry.js';
import { buildRootGroup } from './root-group.js';
import { legacyValues, summaryEntries } from './summary-values.js';
import type { LegacyMetric, LegacySummaryData } from './summary-types.js';
import type { EntryResult } from './thresholds.js';
import type { SummaryState } from './types.js';

export interface SummaryInput {
  readonly state: SummaryState;
  readonly metrics: readonly MetricEntry[];
  readonly thresholdEntries: readonly MetricEntry[];
  /** The final threshold evaluation (k6 evaluates empty metrics as zeros at the end). */
  readonly thresholds: readonly EntryResult[];
  readonly trendStats: readonly string[];
}

/** Threshold results of one entry, keyed by expression: `{ "p(95)<500": { ok: true } }`. */
function thresholdsOf(
  entry: MetricEntry,
  results: readonly EntryResult[],
): Record<string, { ok: boolean }> | undefined {
  const own = results.filter((r) => r.entry === entry.name);
  if (own.length === 0) return undefined;
  return Object.fromEntries(own.map(({ result }) => [result.expression, { ok: result.ok }]));
}

/** The `data` k6 passes to handleSummary (the classic, pre-v1 shape; k6 docs "Custom summary"). */
export function legacySummary(input: SummaryInput): LegacySummaryData {
  const { state } = input;
  const metrics: Record<string, LegacyMetric> = {};
  for (const entry of summaryEntries(input.metrics, input.thresholdEntries)) {
    const thresholds = thresholdsOf(entry, input.thresholds);
    metrics[entry.name] = {
      type: entry.definition.type,
      contains: entry.definition.contains,
      values: legacyValues(entry, state.testRunDurationMs, input.trendStats),
      ...(thresholds === undefined ? {} : { thresholds }),
    };
  }
  const options = state.options;
  const data: LegacySummaryData = {
    root_group: buildRootGroup(state),
    options: {
      summaryTrendStats: [...input.trendStats],
      summaryTimeUnit: typeof options.summaryTimeUnit === 'string' ? options.summaryTimeUnit : '',
      noColor: options.noColor === true,
    },
    state: {
      isStdOutTTY: state.isStdOutTTY,
      isStdErrTTY: state.isStdErrTTY,
      testRunDurationMs: state.testRunDurationMs,
    },
    metrics,
  };
  if (state.setupData !== undefined) data.setup_data = state.setupData;
  return data;
}
