/**
 * How much memory the local engine's metrics layer needs per Trend sample (not a test:
 * `npx tsx --expose-gc scripts/measure-metrics-memory.ts [samples]`). Prints one table:
 * the exact store (k6's semantics, Float64Array), the same sink after spilling into its
 * HDR histogram, and — for scale — a plain JS array of sample objects; then what a
 * mid-run percentile costs.
 */
import { createMetricsEngine } from '../src/engine/metrics/index.js';
import { TrendSink } from '../src/engine/metrics/trend-sink.js';

const N = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) console.warn('run with --expose-gc for stable numbers');

function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

function measure(label: string, fill: () => unknown): string[] {
  const before = heap();
  const started = performance.now();
  const keep = fill();
  const ms = performance.now() - started;
  const bytes = heap() - before;
  const row = [label, (bytes / 1e6).toFixed(1), (bytes / N).toFixed(1), ((ms * 1e6) / N).toFixed(0)];
  if (keep === undefined) throw new Error('unreachable');
  return row;
}

const value = (i: number): number => 5 + ((i * 7919) % 100_000) / 100;
const rows = [
  measure('engine.add, http_req_duration + sub-metric (exact)', () => {
    const engine = createMetricsEngine();
    engine.setThresholds({ 'http_req_duration{endpoint:a}': ['p(95)<500'] });
    for (let i = 0; i < N; i++)
      engine.add({
        metric: 'http_req_duration',
        time: i,
        value: value(i),
        tags: { endpoint: 'a', expected_response: 'true' },
      });
    const p95 = (engine.evaluateThresholds(1, { final: true }).results[0]?.ok ?? false) ? 1 : 0;
    return [engine, p95];
  }),
  measure('TrendSink exact (Float64Array)', () => {
    const sink = new TrendSink();
    for (let i = 0; i < N; i++) sink.add(value(i));
    sink.percentile(0.95);
    return sink;
  }),
  measure('TrendSink spilled to HDR (limit 10k)', () => {
    const sink = new TrendSink(10_000);
    for (let i = 0; i < N; i++) sink.add(value(i));
    sink.percentile(0.95);
    return sink;
  }),
  measure('for scale: array of {time,value,tags} objects', () => {
    const list: { time: number; value: number; tags: Record<string, string> }[] = [];
    for (let i = 0; i < N; i++) list.push({ time: i, value: value(i), tags: { endpoint: 'a' } });
    return list;
  }),
];

/** What a threshold check costs mid-run: p(95) after 20k more samples arrive (every 2 s in a run). */
function evalCost(): string {
  const sink = new TrendSink();
  for (let i = 0; i < N; i++) sink.add(value(i));
  sink.percentile(0.95);
  for (let i = 0; i < 20_000; i++) sink.add(value(i * 31));
  const started = performance.now();
  sink.percentile(0.95);
  const merge = performance.now() - started;
  const copy = new Float64Array(N + 20_000).map((_, i) => value(i * 17));
  const t0 = performance.now();
  copy.sort();
  return `p(95) mid-run after +20k samples: ${merge.toFixed(1)} ms (tail sort + merge) vs ${(performance.now() - t0).toFixed(1)} ms (full re-sort)`;
}

const header = ['store', 'MB', 'bytes/sample', 'ns/add'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`${N.toLocaleString('en')} trend samples\n`);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(`\n${evalCost()}`);
