import type { SummaryInput } from './legacy-summary.js';
import type { MetricEntry } from './metric-registry.js';
import { CounterSink, GaugeSink, RateSink, TrendSink } from './sinks.js';
import type { MachineReadableSummary, SummaryMetricV1 } from './summary-types.js';
import { summaryEntries } from './summary-values.js';
import { trendValues } from './aggregate.js';

/**
 * The k6 version whose output this engine reproduces, as the summary's k6_version. Build
 * metadata (+harness-local-engine) marks that the summary came from this project's local
 * engine, not from a k6 binary, while staying a valid SemVer 2.0 string.
 */
export const LOCAL_ENGINE_K6_VERSION = '2.2.0+harness-local-engine';

/**
 * k6's summary categories in the order k6 v2.2.0 lists them (internal/lib/summary Metrics
 * struct); a name matches a category by prefix, as k6 matches it. k6 leaves out checks and
 * group_duration (the checks have their own block) and, in its default compact mode, the
 * http_req_* phase timings.
 */
const SKIPPED = [
  'checks',
  'group_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_receiving',
  'http_req_sending',
  'http_req_tls_handshaking',
  'http_req_waiting',
];
const CATEGORIES: readonly ((name: string) => boolean)[] = [
  (n) => ['http_reqs', 'http_req_failed', 'http_req_duration'].some((p) => n.startsWith(p)),
  (n) =>
    ['vus', 'vus_max', 'iterations', 'iteration_duration', 'dropped_iterations'].some((p) => n.startsWith(p)),
  (n) => n.startsWith('data_sent') || n.startsWith('data_received'),
  (n) => n.startsWith('browser_') && !n.startsWith('browser_web_vital_'),
  (n) => n.startsWith('browser_web_vital_'),
  (n) => n.startsWith('grpc_'),
  (n) => n.startsWith('ws_'),
];

function category(name: string): number {
  const i = CATEGORIES.findIndex((matches) => matches(name));
  return i < 0 ? CATEGORIES.length : i;
}

/** One metric with k6's value shapes; a trend always has its six keys, null when not in summaryTrendStats. */
function metric(
  name: string,
  type: SummaryMetricV1['type'],
  values: SummaryMetricV1['values'],
): SummaryMetricV1 {
  return { contains: 'default', name, type, values };
}

function values(entry: MetricEntry, trendStats: readonly string[]): SummaryMetricV1['values'] {
  const sink = entry.sink;
  if (sink instanceof CounterSink) return { count: sink.count };
  if (sink instanceof GaugeSink)
    return sink.empty ? { max: 0, min: 0, value: 0 } : { max: sink.max, min: sink.min, value: sink.value };
  if (sink instanceof RateSink) return { matches: sink.trues, rate: sink.rate, total: sink.total };
  const t = sink instanceof TrendSink ? trendValues(sink, trendStats) : {};
  const pick = (stat: string): number | null => t[stat] ?? null;
  return {
    avg: pick('avg'),
    max: pick('max'),
    med: pick('med'),
    min: pick('min'),
    p90: pick('p(90)'),
    p95: pick('p(95)'),
  };
}

/**
 * What k6 v2.2.0 hands handleSummary under `--new-machine-readable-summary` (compared
 * field by field with real k6's output): snake_case metadata, the whole script text in
 * config.script, no thresholds and no pass/fail verdict, checks flattened by name in order
 * of first appearance. k6 lists metrics in categories (HTTP, execution, network, …, custom)
 * in map order; here each category is sorted by name.
 */
export function machineReadableSummary(input: SummaryInput, now: Date = new Date()): MachineReadableSummary {
  const { state } = input;
  const entries = summaryEntries(input.metrics, input.thresholdEntries)
    .filter((e) => !SKIPPED.some((p) => e.name.startsWith(p)))
    .sort((a, b) => category(a.name) - category(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const checks = input.metrics.find((m) => m.name === 'checks')?.sink;
  const hasChecks = checks instanceof RateSink && !checks.empty;
  const total = hasChecks ? checks.total : 0;
  const passes = hasChecks ? checks.trues : 0;
  const byName = new Map<string, { name: string; passes: number; fails: number }>();
  for (const c of state.checks) {
    const known = byName.get(c.name);
    if (known === undefined) byName.set(c.name, { name: c.name, passes: c.passes, fails: c.fails });
    else {
      known.passes += c.passes;
      known.fails += c.fails;
    }
  }
  return {
    config: {
      duration: state.testRunDurationMs / 1000,
      execution: 'local',
      script: state.scriptSource ?? '',
    },
    metadata: { generated_at: now.toISOString(), k6_version: LOCAL_ENGINE_K6_VERSION },
    results: {
      checks: {
        metrics: hasChecks
          ? [
              metric('checks_total', 'counter', { count: total }),
              metric('checks_failed', 'rate', {
                matches: total - passes,
                rate: total === 0 ? 0 : (total - passes) / total,
                total,
              }),
              metric('checks_succeeded', 'rate', { matches: passes, rate: checks.rate, total }),
            ]
          : [],
        results: [...byName.values()].map((c) => ({ fails: c.fails, name: c.name, passes: c.passes })),
      },
      metrics: entries.map((e) => ({
        contains: e.definition.contains,
        name: e.name,
        type: e.definition.type,
        values: values(e, input.trendStats),
      })),
    },
    version: '1.0.0',
  };
}
