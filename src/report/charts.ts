import { ValueStats, endpointOfTags, tagSetsOf, type RunAggregates } from '../compare/index.js';
import type { TrendPoint } from '../history/index.js';
import { SUB, bucketIndex, bucketLabel, logBucketBounds } from './log-buckets.js';
import { isTimeout, type RunSummary } from './summarize-run.js';

/** A chart.js configuration; pure data (no callbacks) so it travels as JSON. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly config: Record<string, unknown>;
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const color = (i: number): string => COLORS[i % COLORS.length];
const axes = (x: string, y: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  x: { title: { display: true, text: x }, ...extra },
  y: { title: { display: true, text: y }, beginAtZero: true },
});
const base = { animation: false, responsive: true, maintainAspectRatio: false };

export function percentileChart(summary: RunSummary): ChartSpec | undefined {
  if (summary.endpoints.length === 0) return undefined;
  const ds = (['p50', 'p95', 'p99'] as const).map((k, i) => ({
    label: k,
    backgroundColor: color(i),
    data: summary.endpoints.map((e) => round(e[k])),
  }));
  return {
    id: 'chart-percentiles',
    title: 'Latency percentiles per endpoint (ms)',
    config: {
      type: 'bar',
      data: { labels: summary.endpoints.map((e) => e.endpoint), datasets: ds },
      options: { ...base, scales: axes('endpoint', 'ms') },
    },
  };
}

/** The [value, count] pairs of an endpoint's latencies: every value while exact, else its histogram's buckets. */
const latencies = (set: RunAggregates, endpoint: string): [number, number][] =>
  set.series.get(`http_req_duration\u0000${endpoint}`)?.aggregate.weighted() ?? [];

export function histogramChart(set: RunAggregates, summary: RunSummary): ChartSpec | undefined {
  const byEndpoint = summary.endpoints.map((e) => latencies(set, e.endpoint).filter(([v]) => v >= 0));
  let min = Infinity;
  let max = -Infinity;
  for (const pairs of byEndpoint)
    for (const [v] of pairs) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  if (min > max) return undefined;
  const bounds = logBucketBounds(min, max);
  const bins = bounds.length - 1;
  const labels = Array.from({ length: bins }, (_, i) => bucketLabel(bounds[i] ?? 0, bounds[i + 1] ?? 0));
  const datasets = summary.endpoints.map((e, i) => {
    const counts = new Array<number>(bins).fill(0);
    for (const [v, n] of byEndpoint[i] ?? []) counts[bucketIndex(bounds, v)] += n;
    return { label: e.endpoint, backgroundColor: color(i), data: counts };
  });
  return {
    id: 'chart-histogram',
    title: `Latency histogram (ms, log-scale buckets: ${SUB} per doubling; requests per bucket)`,
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: { ...base, scales: axes('ms (each bucket 14–25 % wide)', 'requests') },
    },
  };
}

/** Requests per second over the run, from each endpoint's samples per whole second of epoch time. */
export function throughputChart(set: RunAggregates, summary: RunSummary): ChartSpec | undefined {
  const perSecond = summary.endpoints.map(
    (e) =>
      set.series.get(`http_req_duration\u0000${e.endpoint}`)?.aggregate.perSecond ??
      new Map<number, number>(),
  );
  const seconds = perSecond.flatMap((m) => [...m.keys()]);
  if (seconds.length === 0) return undefined;
  const start = Math.min(...seconds);
  // At most ~120 buckets whatever the run length; 1 s minimum so rates read as req/s.
  const bucketS = Math.max(1, Math.ceil(summary.durationS / 120));
  const n = Math.floor((Math.max(...seconds) - start) / bucketS) + 1;
  const datasets = summary.endpoints.map((e, i) => {
    const counts = new Array<number>(n).fill(0);
    for (const [s, c] of perSecond[i] ?? []) counts[Math.floor((s - start) / bucketS)] += c;
    return {
      label: e.endpoint,
      borderColor: color(i),
      backgroundColor: color(i),
      data: counts.map((c) => round(c / bucketS)),
      tension: 0.2,
    };
  });
  return {
    id: 'chart-throughput',
    title: 'Throughput over time (req/s)',
    config: {
      type: 'line',
      data: { labels: Array.from({ length: n }, (_, i) => i * bucketS), datasets },
      options: { ...base, scales: axes('seconds since start', 'req/s') },
    },
  };
}

/** `lag`: load-run.json's detectionLag (poll that saw completion minus the reference's recorded finish). */
export function completionCdfChart(
  summary: RunSummary,
  lag?: { medianMs?: number | null; p95Ms?: number | null },
): ChartSpec | undefined {
  const completion = summary.completion;
  if (completion === undefined) return undefined;
  // Each value when exact (one point per sample), else each histogram bucket; at most ~200 drawn.
  const pairs = completion.weighted();
  const step = Math.max(1, Math.floor(pairs.length / 200));
  let seen = 0;
  const data = pairs
    .map(([t, n]) => ({ x: round(t), y: round((seen += n) / completion.count, 4) }))
    .filter((_, i) => i % step === 0 || i === pairs.length - 1);
  return {
    id: 'chart-completion',
    title: `Background executions: time to completion seen (CDF)${typeof lag?.medianMs === 'number' ? ` — detection lag median ${lag.medianMs} ms, p95 ${lag.p95Ms ?? '—'} ms` : ''}`,
    config: {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'share completed',
            data,
            showLine: true,
            borderColor: color(2),
            backgroundColor: color(2),
            pointRadius: 0,
          },
        ],
      },
      options: {
        ...base,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'ms since submit' } },
          y: { min: 0, max: 1, title: { display: true, text: 'share' } },
        },
      },
    },
  };
}

/**
 * Share of sync calls that timed out against how long the workflow runs: by the
 * declared duration when samples carry workflow_duration_ms, else by workflow role
 * (fast / slow / …, labelled with its median time to answer), else by time to answer.
 */
export function timeoutShareChart(set: RunAggregates): ChartSpec | undefined {
  const sync = tagSetsOf(set, 'http_req_duration', (tags) => endpointOfTags(tags) === 'executeWorkflow');
  if (sync.length === 0) return undefined;
  const declared = sync.some((t) => t.tags.workflow_duration_ms !== undefined);
  const byRole = !declared && sync.some((t) => t.tags.workflow !== undefined);
  const buckets = new Map<string, { order: number; stats: ValueStats; n: number; timeouts: number }>();
  const bucket = (label: string, order: number): { stats: ValueStats; n: number; timeouts: number } => {
    let b = buckets.get(label);
    if (b === undefined) buckets.set(label, (b = { order, stats: new ValueStats(), n: 0, timeouts: 0 }));
    return b;
  };
  const max = Math.max(...sync.map((t) => (declared ? Number(t.tags.workflow_duration_ms) : t.stats.max)));
  const width = max / 10 || 1;
  const range = (i: number): string => `${round(i * width)}–${round((i + 1) * width)} ms`;
  for (const t of sync) {
    const timedOut = isTimeout(t.tags);
    if (byRole) {
      const b = bucket(t.tags.workflow ?? '(untagged)', 0);
      b.stats.merge(t.stats);
      b.n += t.count;
      if (timedOut) b.timeouts += t.count;
    } else if (declared) {
      const i = Math.min(9, Math.floor(Number(t.tags.workflow_duration_ms) / width));
      const b = bucket(range(i), i);
      b.n += t.count;
      if (timedOut) b.timeouts += t.count;
    } else
      for (const [v, n] of t.stats.weighted()) {
        const i = Math.min(9, Math.floor(v / width));
        const b = bucket(range(i), i);
        b.n += n;
        if (timedOut) b.timeouts += n;
      }
  }
  const rows = [...buckets.entries()].sort(
    ([la, a], [lb, b]) =>
      (byRole ? median(a.stats) - median(b.stats) : a.order - b.order) || la.localeCompare(lb),
  );
  const labels = rows.map(([label, b]) =>
    byRole ? `${label} (median ${round(median(b.stats))} ms, n=${b.n})` : `${label} (n=${b.n})`,
  );
  const axis = declared
    ? 'workflow duration'
    : byRole
      ? 'workflow (by median time to answer)'
      : 'time to answer';
  return {
    id: 'chart-timeouts',
    title: `executeWorkflow: timeout share by ${axis}`,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'timeout share',
            backgroundColor: color(3),
            data: rows.map(([, b]) => round(b.timeouts / b.n, 4)),
          },
        ],
      },
      options: {
        ...base,
        scales: {
          x: { title: { display: true, text: axis } },
          y: { min: 0, max: 1, title: { display: true, text: 'share' } },
        },
      },
    },
  };
}

/** The value at rank ⌊n/2⌋ (no interpolation): exact while the stats are, else within the histogram's error. */
function median(stats: ValueStats): number {
  return stats.count === 0 ? 0 : stats.atRank(Math.floor(stats.count / 2));
}

export function trendChart(trend: Readonly<Record<string, readonly TrendPoint[]>>): ChartSpec | undefined {
  const series = Object.entries(trend).filter(([, points]) => points.length > 0);
  if (series.length === 0) return undefined;
  const runs = [...new Set(series.flatMap(([, pts]) => pts.map((p) => p.runId)))].sort();
  const datasets = series.map(([metric, pts], i) => ({
    label: metric,
    borderColor: color(i),
    backgroundColor: color(i),
    data: runs.map((r) => {
      const hit = pts.find((p) => p.runId === r);
      return hit === undefined ? null : round(hit.value);
    }),
    spanGaps: true,
  }));
  return {
    id: 'chart-trend',
    title: `Recent trend: p95 per endpoint over the last ${runs.length} run(s) (ms)`,
    config: {
      type: 'line',
      data: { labels: runs, datasets },
      options: { ...base, scales: axes('run', 'ms') },
    },
  };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
