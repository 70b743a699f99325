import { endpointOf, seriesOf, type SampleSet } from '../compare/index.js';
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

export function histogramChart(set: SampleSet, summary: RunSummary): ChartSpec | undefined {
  const points = set.points.filter((p) => p.metric === 'http_req_duration' && p.value >= 0);
  if (points.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.value);
    max = Math.max(max, p.value);
  }
  const bounds = logBucketBounds(min, max);
  const bins = bounds.length - 1;
  const labels = Array.from({ length: bins }, (_, i) => bucketLabel(bounds[i] ?? 0, bounds[i + 1] ?? 0));
  const datasets = summary.endpoints.map((e, i) => {
    const counts = new Array<number>(bins).fill(0);
    for (const p of points) if (seriesOf(p) === e.endpoint) counts[bucketIndex(bounds, p.value)] += 1;
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

export function throughputChart(set: SampleSet, summary: RunSummary): ChartSpec | undefined {
  const points = set.points.filter((p) => p.metric === 'http_req_duration' && Number.isFinite(p.time));
  if (points.length === 0) return undefined;
  const start = Math.min(...points.map((p) => p.time));
  // At most ~120 buckets whatever the run length; 1 s minimum so rates read as req/s.
  const bucketS = Math.max(1, Math.ceil(summary.durationS / 120));
  const n = Math.floor((Math.max(...points.map((p) => p.time)) - start) / 1000 / bucketS) + 1;
  const datasets = summary.endpoints.map((e, i) => {
    const counts = new Array<number>(n).fill(0);
    for (const p of points)
      if (seriesOf(p) === e.endpoint) counts[Math.floor((p.time - start) / 1000 / bucketS)] += 1;
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
  const times = summary.completionTimes;
  if (times.length === 0) return undefined;
  const step = Math.max(1, Math.floor(times.length / 200));
  const data = times
    .map((t, i) => ({ x: round(t), y: round((i + 1) / times.length, 4) }))
    .filter((_, i) => i % step === 0 || i === times.length - 1);
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
export function timeoutShareChart(set: SampleSet): ChartSpec | undefined {
  const sync = set.points.filter(
    (p) => p.metric === 'http_req_duration' && endpointOf(p) === 'executeWorkflow',
  );
  if (sync.length === 0) return undefined;
  const declared = sync.some((p) => p.tags.workflow_duration_ms !== undefined);
  const byRole = !declared && sync.some((p) => p.tags.workflow !== undefined);
  const buckets = new Map<string, { order: number; values: number[]; timeouts: number }>();
  const add = (label: string, order: number, value: number, timedOut: boolean): void => {
    let b = buckets.get(label);
    if (b === undefined) buckets.set(label, (b = { order, values: [], timeouts: 0 }));
    b.values.push(value);
    if (timedOut) b.timeouts += 1;
  };
  const measure = (p: (typeof sync)[number]): number =>
    declared ? Number(p.tags.workflow_duration_ms) : p.value;
  const max = Math.max(...sync.map(measure));
  const width = max / 10 || 1;
  for (const p of sync) {
    if (byRole) add(p.tags.workflow ?? '(untagged)', 0, p.value, isTimeout(p.tags));
    else {
      const i = Math.min(9, Math.floor(measure(p) / width));
      add(`${round(i * width)}–${round((i + 1) * width)} ms`, i, p.value, isTimeout(p.tags));
    }
  }
  const rows = [...buckets.entries()].sort(
    ([la, a], [lb, b]) =>
      (byRole ? median(a.values) - median(b.values) : a.order - b.order) || la.localeCompare(lb),
  );
  const labels = rows.map(([label, b]) =>
    byRole
      ? `${label} (median ${round(median(b.values))} ms, n=${b.values.length})`
      : `${label} (n=${b.values.length})`,
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
            data: rows.map(([, b]) => round(b.timeouts / b.values.length, 4)),
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
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
