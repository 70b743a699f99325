import type { SummaryInput } from './legacy-summary.js';
import { RateSink } from './sinks.js';
import type { MachineReadableSummaryV1 } from './summary-types.js';
import { summaryEntries, v1Values } from './summary-values.js';

/**
 * The k6 semantics this engine follows, as the summary's k6Version. Build metadata
 * (+harness-local-engine) marks that the summary came from this project's local
 * engine, not from a k6 binary, while staying a valid SemVer 2.0 string.
 */
export const LOCAL_ENGINE_K6_VERSION = '1.0.0+harness-local-engine';

/**
 * k6's machine-readable end-of-test summary v1.0.0 (grafana/k6-summary
 * schemas/summary/1.0.0/schema.json). Metric values use
 * that schema's shapes: counter {count}, gauge {value,min,max}, rate
 * {matches,total,rate}, trend {summaryTrendStats…}.
 */
export function machineReadableSummary(
  input: SummaryInput,
  now: Date = new Date(),
): MachineReadableSummaryV1 {
  const { state } = input;
  const metrics = summaryEntries(input.metrics, input.thresholdEntries).map((entry) => ({
    name: entry.name,
    type: entry.definition.type,
    contains: entry.definition.contains,
    values: v1Values(entry, state.testRunDurationMs, input.trendStats),
  }));
  const checks = input.metrics.find((m) => m.name === 'checks')?.sink;
  const passes = checks instanceof RateSink ? checks.trues : 0;
  const total = checks instanceof RateSink ? checks.total : 0;
  const rate = (n: number): number => (total === 0 ? 0 : n / total);
  return {
    version: '1.0.0',
    metadata: { generatedAt: now.toISOString(), k6Version: LOCAL_ENGINE_K6_VERSION },
    config: { execution: 'local', script: state.scriptPath, duration: state.testRunDurationMs / 1000 },
    results: {
      passed: input.thresholds.every((r) => r.result.ok),
      metrics,
      checks: {
        metrics: [
          { name: 'checks_total', type: 'counter', contains: 'default', values: { count: total } },
          {
            name: 'checks_succeeded',
            type: 'rate',
            contains: 'default',
            values: { matches: passes, total, rate: rate(passes) },
          },
          {
            name: 'checks_failed',
            type: 'rate',
            contains: 'default',
            values: { matches: total - passes, total, rate: rate(total - passes) },
          },
        ],
        results: state.checks.map((c) => ({ name: c.name, passes: c.passes, fails: c.fails })),
      },
    },
  };
}
