import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ShardSpec {
  readonly segment: string | null;
  readonly sequence?: string | null;
  readonly testId?: string | null;
  readonly bundleId?: string;
  readonly scenario?: string;
  /** One request (and one iteration, one passing check) per duration. */
  readonly durations: readonly number[];
  readonly durationMs?: number;
  /** Thresholds as the shard's engine judged them on its own data: key → expression → ok. */
  readonly thresholds?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  readonly vus?: number;
}

const stats = (values: readonly number[]): Record<string, number> => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    const i = p * (sorted.length - 1);
    return sorted[Math.floor(i)] + (sorted[Math.ceil(i)] - sorted[Math.floor(i)]) * (i - Math.floor(i));
  };
  return {
    avg: values.reduce((a, b) => a + b, 0) / values.length,
    min: sorted[0],
    med: at(0.5),
    max: sorted.at(-1)!,
    'p(90)': at(0.9),
    'p(95)': at(0.95),
  };
};

/**
 * Writes a shard folder as an engine would (SHARDS.md): k6 JSON output (Metric lines, then
 * Points in k6's own layout), the classic handleSummary data of this shard alone, shard.json.
 */
export function writeShard(dir: string, spec: ShardSpec): string {
  mkdirSync(dir, { recursive: true });
  const n = spec.durations.length;
  const durationMs = spec.durationMs ?? 2000;
  const vus = spec.vus ?? 2;
  const t0 = Date.parse('2026-11-30T12:00:00Z');
  const lines: string[] = [];
  const declare = (name: string, type: string, contains = 'default'): void =>
    void lines.push(
      JSON.stringify({
        type: 'Metric',
        data: { name, type, contains, thresholds: [], submetrics: null },
        metric: name,
      }),
    );
  const point = (metric: string, i: number, value: number, tags: Record<string, string>): void =>
    void lines.push(
      JSON.stringify({ metric, type: 'Point', data: { time: new Date(t0 + i).toISOString(), value, tags } }),
    );
  declare('vus', 'gauge');
  point('vus', 0, vus, {});
  declare('http_req_duration', 'trend', 'time');
  declare('http_reqs', 'counter');
  declare('checks', 'rate');
  declare('iterations', 'counter');
  spec.durations.forEach((d, i) => {
    const tags = { endpoint: 'executeWorkflow', method: 'POST', status: '200', scenario: 'sync-latency' };
    point('http_req_duration', i, d, tags);
    point('http_reqs', i, 1, tags);
    point('checks', i, 1, { check: 'status is 200', scenario: 'sync-latency' });
    point('iterations', i, 1, { scenario: 'sync-latency' });
  });
  point('vus', n, 0, {});
  writeFileSync(join(dir, 'samples.json.gz'), gzipSync(`${lines.join('\n')}\n`));
  const own = (key: string): { thresholds?: Record<string, { ok: boolean }> } => {
    const t = spec.thresholds?.[key];
    return t === undefined
      ? {}
      : { thresholds: Object.fromEntries(Object.entries(t).map(([e, ok]) => [e, { ok }])) };
  };
  const data = {
    root_group: {
      name: '',
      path: '',
      id: 'd41d8cd98f00b204e9800998ecf8427e',
      groups: [],
      checks: [{ name: 'status is 200', path: '::status is 200', id: 'x', passes: n, fails: 0 }],
    },
    options: {
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'],
      summaryTimeUnit: '',
      noColor: false,
    },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: durationMs },
    metrics: {
      vus: { type: 'gauge', contains: 'default', values: { value: 0, min: 0, max: vus }, ...own('vus') },
      http_req_duration: {
        type: 'trend',
        contains: 'time',
        values: stats(spec.durations),
        ...own('http_req_duration'),
      },
      http_reqs: {
        type: 'counter',
        contains: 'default',
        values: { count: n, rate: n / (durationMs / 1000) },
        ...own('http_reqs'),
      },
      iterations: {
        type: 'counter',
        contains: 'default',
        values: { count: n, rate: n / (durationMs / 1000) },
        ...own('iterations'),
      },
      checks: {
        type: 'rate',
        contains: 'default',
        values: { rate: 1, passes: n, fails: 0 },
        ...own('checks'),
      },
    },
  };
  // k6 lists a sub-metric a threshold names as its own entry (every sample here matches its filter).
  for (const key of Object.keys(spec.thresholds ?? {}).filter((k) => k.startsWith('http_req_duration{')))
    Object.assign(data.metrics, { [key]: { ...data.metrics.http_req_duration, ...own(key) } });
  writeFileSync(join(dir, 'summary-data.json'), JSON.stringify(data));
  const manifest = {
    schemaVersion: 1,
    segment: spec.segment,
    sequence: spec.sequence === undefined ? null : spec.sequence,
    testId: spec.testId === undefined ? 'test-1' : spec.testId,
    scenario: spec.scenario ?? 'sync-latency',
    bundleId: spec.bundleId ?? 'b0b0b0b0b0b0b0b0',
    profile: 'smoke',
    target: { name: 'reference', baseUrl: 'http://127.0.0.1:1' },
  };
  writeFileSync(join(dir, 'shard.json'), JSON.stringify(manifest));
  return dir;
}

/** n durations spread log-uniformly over 1–500 ms by a seeded generator (mulberry32). */
export function durations(n: number, seed: number): number[] {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => Math.round(Math.exp(next() * Math.log(500)) * 1000) / 1000);
}
