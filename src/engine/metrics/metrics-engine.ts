import { HarnessError } from '../../errors/index.js';
import { JsonOutput } from './json-output.js';
import { legacySummary, type SummaryInput } from './legacy-summary.js';
import { machineReadableSummary } from './machine-readable-summary.js';
import { MetricRegistry } from './metric-registry.js';
import { DEFAULT_TREND_STATS } from './summary-values.js';
import { ThresholdSet } from './thresholds.js';
import type { MetricsEngine, MetricsEngineOptions, Sample, SummaryState } from './types.js';

/** The local engine's metrics layer: sinks per metric and sub-metric, thresholds, summaries, raw output. */
export function createMetricsEngine(options: MetricsEngineOptions = {}): MetricsEngine {
  const registry = new MetricRegistry(options.trendExactLimit);
  const thresholds = new ThresholdSet(registry);
  const output = options.jsonOut === undefined ? null : new JsonOutput(options.jsonOut);

  const summaryInput = (state: SummaryState): SummaryInput => {
    const fromScript = state.options.summaryTrendStats;
    const trendStats = Array.isArray(fromScript)
      ? fromScript.map(String)
      : (options.summaryTrendStats ?? DEFAULT_TREND_STATS);
    return {
      state,
      metrics: [...registry.metrics.values()],
      thresholdEntries: thresholds.entries,
      thresholds: thresholds.evaluateByEntry(state.testRunDurationMs, true).results,
      trendStats,
    };
  };

  return {
    define: (name, type, contains) => registry.define(name, type, contains),

    add(sample: Sample): void {
      const entry = registry.metrics.get(sample.metric);
      if (entry === undefined) {
        throw new HarnessError(
          'HARNESS_ERR_METRIC_INVALID',
          `sample for metric ${JSON.stringify(sample.metric)}, which was never defined`,
        );
      }
      if (!Number.isFinite(sample.value)) {
        throw new HarnessError(
          'HARNESS_ERR_METRIC_INVALID',
          `metric ${JSON.stringify(sample.metric)} got the non-finite value ${String(sample.value)}`,
        );
      }
      registry.add(entry, sample.value, sample.tags);
      if (output !== null) {
        if (!entry.seen) output.metric(entry, thresholds.expressionsFor(entry.name));
        output.point(sample);
      }
      entry.seen = true;
    },

    setThresholds: (spec) => thresholds.set(spec),
    evaluateThresholds: (elapsedMs, opts) => thresholds.evaluate(elapsedMs, opts?.final === true),
    legacySummary: (state) => legacySummary(summaryInput(state)),
    machineReadableSummary: (state) => machineReadableSummary(summaryInput(state)),
    close: async () => {
      await output?.close();
    },
  };
}
