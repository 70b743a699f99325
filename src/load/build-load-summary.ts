import type { RunAggregates } from '../compare/index.js';
import type { LoadSummary, LoadThreshold } from '../types/generated/load-summary.js';
import { measureFromSamples } from './measure-from-samples.js';
import { parseThreshold } from './threshold-expression.js';

/**
 * k6's classic handleSummary `data` (what k6 ≥ 1.0 and the local engine hand handleSummary
 * without --new-machine-readable-summary): metrics by name, each with its type, statistics and
 * `thresholds[expression].ok`; checks inside `root_group`; the run's duration in `state`; the
 * trend statistics' order in `options.summaryTrendStats`.
 */
export interface ClassicSummaryData {
  readonly metrics: Readonly<
    Record<
      string,
      {
        readonly type: string;
        readonly contains: string;
        readonly values: Readonly<Record<string, number>>;
        readonly thresholds?: Readonly<Record<string, { readonly ok: boolean }>>;
      }
    >
  >;
  readonly root_group?: ClassicGroup;
  readonly state?: { readonly testRunDurationMs?: number };
  readonly options?: { readonly summaryTrendStats?: readonly string[] };
}

interface ClassicGroup {
  readonly groups?: readonly ClassicGroup[];
  readonly checks?: readonly { path: string; name: string; passes: number; fails: number }[];
}

/** True when `value` has the one part every summary is built from: metrics with values. */
export function isClassicSummaryData(value: unknown): value is ClassicSummaryData {
  const metrics = (value as { metrics?: unknown } | null)?.metrics;
  return (
    typeof metrics === 'object' &&
    metrics !== null &&
    Object.values(metrics).every((m) => typeof (m as { values?: unknown } | null)?.values === 'object')
  );
}

export interface SummaryContext {
  readonly engine: LoadSummary['engine'];
  readonly scenario: string;
  /** The run's streamed samples: the source of a statistic the engine did not summarise. */
  readonly samples: RunAggregates;
}

// k6 writes a metric's statistics in Go's random map order; the summary lists them in one order.
const FIXED_ORDER = ['count', 'rate', 'passes', 'fails', 'value', 'avg', 'min', 'med', 'max'];

/** Statistics in a stable order: summaryTrendStats' order for a trend, FIXED_ORDER otherwise, then the rest. */
function ordered(
  values: Readonly<Record<string, number>>,
  trendStats: readonly string[],
): Record<string, number> {
  const rank = (k: string): number => {
    const i = trendStats.indexOf(k);
    const j = FIXED_ORDER.indexOf(k);
    return i >= 0 ? i : j >= 0 ? trendStats.length + j : Number.MAX_SAFE_INTEGER;
  };
  return Object.fromEntries(
    Object.entries(values).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)),
  );
}

function checksOf(group: ClassicGroup | undefined): LoadSummary['checks'] {
  if (group === undefined) return [];
  return [
    ...(group.checks ?? []).map(({ path, name, passes, fails }) => ({ path, name, passes, fails })),
    ...(group.groups ?? []).flatMap(checksOf),
  ];
}

function threshold(
  data: ClassicSummaryData,
  metric: string,
  expression: string,
  ok: boolean,
  samples: RunAggregates,
): LoadThreshold {
  const parts = parseThreshold(metric, expression);
  const own = parts === undefined ? undefined : data.metrics[metric]?.values[parts.aggregation];
  const fromSamples =
    parts === undefined || own !== undefined ? undefined : measureFromSamples(samples, parts);
  return {
    metric,
    name: parts?.name ?? metric,
    tags: { ...parts?.tags },
    scenario: parts?.tags.scenario ?? null,
    expression,
    aggregation: parts?.aggregation ?? null,
    operator: (parts?.operator ?? null) as LoadThreshold['operator'],
    limit: parts?.limit ?? null,
    measured: own ?? fromSamples ?? null,
    measuredFrom: own !== undefined ? 'summary' : fromSamples !== undefined ? 'samples' : 'none',
    ok,
  };
}

/**
 * load-summary.json (schemas/load-summary.schema.json) from the classic data: the same keys,
 * metric order and threshold list whichever engine ran, each threshold with its limit, the
 * value it was judged on and the engine's verdict.
 */
export function buildLoadSummary(data: ClassicSummaryData, context: SummaryContext): LoadSummary {
  const byName = Object.keys(data.metrics).sort();
  const thresholds = byName
    .flatMap((metric) =>
      Object.entries(data.metrics[metric]?.thresholds ?? {}).map(([expression, t]) =>
        threshold(data, metric, expression, t.ok !== false, context.samples),
      ),
    )
    .sort((a, b) => a.metric.localeCompare(b.metric) || a.expression.localeCompare(b.expression));
  return {
    format: 'harness-load-summary/1',
    engine: context.engine,
    scenario: context.scenario,
    durationMs: data.state?.testRunDurationMs ?? 0,
    thresholdsPassed: thresholds.every((t) => t.ok),
    thresholds,
    checks: checksOf(data.root_group),
    metrics: byName.map((name) => {
      const m = data.metrics[name];
      return {
        name,
        type: m.type as LoadSummary['metrics'][number]['type'],
        contains: m.contains as LoadSummary['metrics'][number]['contains'],
        values: ordered(m.values, m.type === 'trend' ? (data.options?.summaryTrendStats ?? []) : []),
      };
    }),
  };
}
