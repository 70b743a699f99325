import {
  endpointOfTags,
  seriesOfTags,
  statsOf,
  tagSetsOf,
  type RunAggregates,
  type ValueStats,
} from '../compare/index.js';

export interface EndpointStats {
  /** The series: endpoint, plus the workflow role when samples are tagged with one, e.g. "executeWorkflow (fast)". */
  readonly endpoint: string;
  readonly count: number;
  /** Errors and unexpected statuses; an expected server timeout is not one. */
  readonly failed: number;
  /**
   * Server timeouts the scenario declared expected (k6's expected_response tag on a 504/408, e.g. the slow
   * workflow past the sync limit): documented behaviour, counted apart from failures.
   */
  readonly expectedTimeouts: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface RunSummary {
  readonly endpoints: readonly EndpointStats[];
  /** Share of sync calls that ended in a server or client timeout: the slow workflow's classified calls when the
   * timeout-boundary scenario ran, else every executeWorkflow request. */
  readonly timeoutShare: number | undefined;
  readonly syncCalls: number;
  /** Background submit → completion seen, ms (exact while small, else its histogram). */
  readonly completion: ValueStats | undefined;
  readonly completionP95: number | undefined;
  readonly creditsUsed: number | undefined;
  readonly totalRequests: number;
  readonly durationS: number;
}

/** Trend metrics measuring a background execution from submission to the poll that saw it finish. */
export const COMPLETION_METRIC = /complet/i;
const SYNC_ENDPOINT = 'executeWorkflow';

/**
 * A sync call timed out when the server said so (504/408, or the scenario's
 * timeout_class tag) or k6 gave up (error_code 1050).
 */
export function isTimeout(tags: Readonly<Record<string, string>>): boolean {
  const cls = tags.timeout_class ?? tags.timeoutClass ?? '';
  return tags.status === '504' || tags.status === '408' || tags.error_code === '1050' || /timeout/i.test(cls);
}

/** Everything the console summary, the report and the history need, from the streamed samples. */
export function summarizeSamples(set: RunAggregates): RunSummary {
  const failed = new Map<string, number>();
  const expectedTimeouts = new Map<string, number>();
  let syncCalls = 0;
  let syncTimeouts = 0;
  for (const t of tagSetsOf(set, 'http_req_duration')) {
    const ep = seriesOfTags(t.tags);
    const status = Number(t.tags.status ?? '0');
    if (status >= 400 && t.tags.expected_response === 'true' && isTimeout(t.tags))
      expectedTimeouts.set(ep, (expectedTimeouts.get(ep) ?? 0) + t.count);
    else if (status === 0 || status >= 400) failed.set(ep, (failed.get(ep) ?? 0) + t.count);
    if (endpointOfTags(t.tags) === SYNC_ENDPOINT) {
      syncCalls += t.count;
      if (isTimeout(t.tags)) syncTimeouts += t.count;
    }
  }
  let first = Infinity;
  let last = -Infinity;
  for (const entry of set.series.values()) {
    first = Math.min(first, entry.aggregate.firstTime);
    last = Math.max(last, entry.aggregate.lastTime);
  }
  const endpoints = [...set.series.values()]
    .filter((entry) => entry.metric === 'http_req_duration')
    .sort((a, b) => a.series.localeCompare(b.series))
    .map(({ series, aggregate: a }) => ({
      endpoint: series,
      count: a.count,
      failed: failed.get(series) ?? 0,
      expectedTimeouts: expectedTimeouts.get(series) ?? 0,
      p50: a.quantile(0.5),
      p90: a.quantile(0.9),
      p95: a.quantile(0.95),
      p99: a.quantile(0.99),
      max: a.count === 0 ? Number.NaN : a.max,
    }));
  const isCompletion = (name: string): boolean =>
    name !== 'http_req_duration' &&
    COMPLETION_METRIC.test(name) &&
    set.metrics.get(name)?.type !== 'rate' &&
    set.metrics.get(name)?.type !== 'counter';
  const completion = statsOf(set, isCompletion);
  const credits = tagSetsOf(
    set,
    (name) => name !== 'http_req_duration' && !isCompletion(name) && /credit/i.test(name),
  );
  // The timeout-boundary scenario classifies each slow sync call (sync_calls{class}); prefer that.
  const classified = tagSetsOf(set, 'sync_calls', (tags) => tags.class !== undefined);
  if (classified.length > 0) {
    syncCalls = classified.reduce((n, t) => n + t.sum, 0);
    syncTimeouts = classified
      .filter((t) => /timeout/.test(t.tags.class ?? ''))
      .reduce((n, t) => n + t.sum, 0);
  }
  return {
    endpoints,
    timeoutShare: syncCalls === 0 ? undefined : syncTimeouts / syncCalls,
    syncCalls,
    completion,
    completionP95: completion?.quantile(0.95),
    creditsUsed: credits.length === 0 ? undefined : credits.reduce((n, t) => n + t.sum, 0),
    totalRequests: endpoints.reduce((n, e) => n + e.count, 0),
    durationS: last > first ? (last - first) / 1000 : 0,
  };
}

/** The run's row set in the history database: one number per metric name. */
export function historyMetrics(
  summary: RunSummary,
  verify?: { summary: { passed: number; failed: number; skipped: number } },
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of summary.endpoints) {
    out[`p50{${e.endpoint}}`] = e.p50;
    out[`p95{${e.endpoint}}`] = e.p95;
    out[`p99{${e.endpoint}}`] = e.p99;
    out[`requests{${e.endpoint}}`] = e.count;
  }
  if (summary.timeoutShare !== undefined) out.timeout_share = summary.timeoutShare;
  if (summary.completionP95 !== undefined) out.completion_p95 = summary.completionP95;
  if (summary.creditsUsed !== undefined) out.credits_used = summary.creditsUsed;
  if (summary.durationS > 0) out.throughput_rps = summary.totalRequests / summary.durationS;
  if (verify !== undefined) {
    out.checks_passed = verify.summary.passed;
    out.checks_failed = verify.summary.failed;
    out.checks_skipped = verify.summary.skipped;
  }
  return out;
}
