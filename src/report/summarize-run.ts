import { endpointOf, quantileSorted, seriesOf, type SampleSet } from '../compare/index.js';

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
  /** Background submit → completion seen, ms, ascending. */
  readonly completionTimes: readonly number[];
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

/** Everything the console summary, the report and the history need, from the raw samples. */
export function summarizeSamples(set: SampleSet): RunSummary {
  const durations = new Map<string, number[]>();
  const failed = new Map<string, number>();
  const expectedTimeouts = new Map<string, number>();
  const completion: number[] = [];
  let credits: number | undefined;
  let syncCalls = 0;
  let syncTimeouts = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const p of set.points) {
    if (Number.isFinite(p.time)) {
      first = Math.min(first, p.time);
      last = Math.max(last, p.time);
    }
    const ep = seriesOf(p);
    if (p.metric === 'http_req_duration') {
      let list = durations.get(ep);
      if (list === undefined) durations.set(ep, (list = []));
      list.push(p.value);
      const status = Number(p.tags.status ?? '0');
      if (status >= 400 && p.tags.expected_response === 'true' && isTimeout(p.tags))
        expectedTimeouts.set(ep, (expectedTimeouts.get(ep) ?? 0) + 1);
      else if (status === 0 || status >= 400) failed.set(ep, (failed.get(ep) ?? 0) + 1);
      if (endpointOf(p) === SYNC_ENDPOINT) {
        syncCalls += 1;
        if (isTimeout(p.tags)) syncTimeouts += 1;
      }
    } else if (
      COMPLETION_METRIC.test(p.metric) &&
      set.metrics.get(p.metric)?.type !== 'rate' &&
      set.metrics.get(p.metric)?.type !== 'counter'
    ) {
      completion.push(p.value);
    } else if (/credit/i.test(p.metric)) credits = (credits ?? 0) + p.value;
  }
  const endpoints = [...durations.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, values]) => {
      const sorted = Float64Array.from(values).sort();
      return {
        endpoint,
        count: sorted.length,
        failed: failed.get(endpoint) ?? 0,
        expectedTimeouts: expectedTimeouts.get(endpoint) ?? 0,
        p50: quantileSorted(sorted, 0.5),
        p90: quantileSorted(sorted, 0.9),
        p95: quantileSorted(sorted, 0.95),
        p99: quantileSorted(sorted, 0.99),
        max: sorted[sorted.length - 1] ?? Number.NaN,
      };
    });
  completion.sort((a, b) => a - b);
  // The timeout-boundary scenario classifies each slow sync call (sync_calls{class}); prefer that.
  const classified = set.points.filter((p) => p.metric === 'sync_calls' && p.tags.class !== undefined);
  if (classified.length > 0) {
    syncCalls = classified.reduce((n, p) => n + p.value, 0);
    syncTimeouts = classified
      .filter((p) => /timeout/.test(p.tags.class ?? ''))
      .reduce((n, p) => n + p.value, 0);
  }
  return {
    endpoints,
    timeoutShare: syncCalls === 0 ? undefined : syncTimeouts / syncCalls,
    syncCalls,
    completionTimes: completion,
    completionP95: completion.length === 0 ? undefined : quantileSorted(completion, 0.95),
    creditsUsed: credits,
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
