import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/compare/samples.js';
import { JsonOutput, rfc3339Nano } from '../../../src/engine/metrics/json-output.js';
import { createMetricsEngine, type Sample } from '../../../src/engine/metrics/index.js';
import { clearSecrets, registerSecret } from '../../../src/secrets/index.js';

const dir = mkdtempSync(join(tmpdir(), 'metrics-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  type: string;
  metric: string;
  data: {
    name?: string;
    type?: string;
    contains?: string;
    thresholds?: string[];
    submetrics?: { name: string; tags: Record<string, string> }[] | null;
    time?: string;
    value?: number;
    tags?: Record<string, string>;
  };
}

async function write(file: string, samples: Sample[]): Promise<Line[]> {
  const engine = createMetricsEngine({ jsonOut: file });
  engine.define('wf_latency', 'trend', 'time');
  engine.setThresholds({ 'wf_latency{endpoint:execute}': ['p(95)<500'] });
  for (const s of samples) engine.add(s);
  await engine.close();
  const raw = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const SAMPLES: Sample[] = [
  { metric: 'wf_latency', time: T0 + 0.125, value: 12.5, tags: { endpoint: 'execute', workflow: 'fast' } },
  { metric: 'http_reqs', time: T0 + 1, value: 1, tags: { method: 'POST' } },
  { metric: 'wf_latency', time: T0 + 2.5, value: 40, tags: { endpoint: 'poll' } },
];

describe('k6 JSON output', () => {
  it('formats times like Go RFC3339Nano (UTC, trailing zeros trimmed) to the microsecond a double can hold', () => {
    expect(rfc3339Nano(T0)).toBe('2026-11-28T12:00:00Z');
    expect(rfc3339Nano(T0 + 1.5)).toBe('2026-11-28T12:00:00.0015Z');
    expect(rfc3339Nano(T0 + 999.001)).toBe('2026-11-28T12:00:00.999001Z');
    expect(rfc3339Nano(T0 + 0.0004)).toBe('2026-11-28T12:00:00Z');
  });

  it('a time within a microsecond of the sample time, never a trailing zero, whatever the fraction', () => {
    const fractions = [
      0, 0.000_4, 0.000_6, 0.001, 0.01, 0.1, 0.5, 1.000_001, 123.456_789, 999.999, 999.999_4,
    ];
    for (const f of fractions) {
      const time = T0 + 5000 + f;
      const text = rfc3339Nano(time);
      const m = /^2026-11-28T12:00:05(?:\.(\d*[1-9]))?Z$/.exec(text);
      expect(m, text).not.toBeNull();
      // Against the double actually held (epoch ms resolve ~0.25 µs), to the rounded microsecond.
      const ms = Number(`0.${m![1] ?? '0'}`) * 1000;
      expect(Math.abs(ms - (time - (T0 + 5000))), text).toBeLessThanOrEqual(0.0005);
    }
    // Just below the next second the fraction stays in this second rather than printing 1.0.
    expect(rfc3339Nano(T0 + 999.999_8)).toBe('2026-11-28T12:00:00.999999999Z');
  });

  it('streams during the run in chunks of at least 64 KiB, so memory stays bounded by the chunk', async () => {
    const output = new JsonOutput(join(dir, 'chunks.json'));
    const sink = output['sink'];
    const writes: number[] = [];
    const write = sink.write.bind(sink);
    sink.write = ((chunk: string, ...rest: never[]) => {
      writes.push(Buffer.byteLength(chunk));
      return write(chunk, ...rest);
    }) as typeof sink.write;
    for (let i = 0; i < 3000; i++)
      output.point({
        metric: 'http_req_duration',
        time: T0 + i,
        value: i,
        tags: { url: `http://x.invalid/${i}` },
      });
    const beforeClose = writes.length;
    await output.close();
    expect(beforeClose).toBeGreaterThanOrEqual(2);
    expect(writes.slice(0, beforeClose).every((n) => n >= 64 * 1024)).toBe(true);
    expect(writes.length).toBe(beforeClose + 1);
  });

  it('close() twice is harmless, and a sample after close is not written', async () => {
    const file = join(dir, 'closed.json');
    const output = new JsonOutput(file);
    output.point({ metric: 'http_reqs', time: T0, value: 1, tags: {} });
    await output.close();
    await output.close();
    output.point({ metric: 'http_reqs', time: T0, value: 2, tags: {} });
    await output.close();
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it('writes one Metric line per metric before its first Point, then a Point per sample', async () => {
    const lines = await write(join(dir, 'plain.json'), SAMPLES);
    expect(lines.map((l) => `${l.type}:${l.metric}`)).toEqual([
      'Metric:wf_latency',
      'Point:wf_latency',
      'Metric:http_reqs',
      'Point:http_reqs',
      'Point:wf_latency',
    ]);
    expect(lines[0].data).toEqual({
      name: 'wf_latency',
      type: 'trend',
      contains: 'time',
      thresholds: [],
      submetrics: [
        { name: 'wf_latency{endpoint:execute}', suffix: 'endpoint:execute', tags: { endpoint: 'execute' } },
      ],
    });
    expect(lines[1].data).toEqual({
      time: '2026-11-28T12:00:00.000125Z',
      value: 12.5,
      tags: { endpoint: 'execute', workflow: 'fast' },
    });
  });

  it("declares a metric with its own thresholds' expressions, its sub-metrics with theirs apart", async () => {
    const file = join(dir, 'thresholds.json');
    const engine = createMetricsEngine({ jsonOut: file });
    engine.define('wf_latency', 'trend', 'time');
    engine.define('http_reqs', 'counter');
    engine.setThresholds({
      wf_latency: ['p(95)<500', 'max<1000'],
      'wf_latency{endpoint:execute}': ['avg<200'],
    });
    for (const s of SAMPLES) engine.add(s);
    await engine.close();
    const metrics = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.type === 'Metric');
    expect(metrics.map((l) => [l.metric, l.data.thresholds])).toEqual([
      ['wf_latency', ['p(95)<500', 'max<1000']],
      ['http_reqs', []],
    ]);
  });

  // The lines of a real k6 v2.2.0 `--out json` run (2026-11-30), times and values aside: Metric lines
  // keyed type/data/metric, Point lines metric/type/data, tags in key order, a metric's own thresholds.
  it('writes each line with the keys, tag order and thresholds k6 v2.2.0 writes', async () => {
    const file = join(dir, 'k6-lines.json');
    const engine = createMetricsEngine({ jsonOut: file });
    engine.define('wf_latency', 'trend', 'time');
    engine.setThresholds({
      checks: ['rate>0.1'],
      'wf_latency{status:200,method:GET}': ['p(95)<5000'],
    });
    const tags = { scenario: 'default', group: '::outer::inner', check: 'deep ok' };
    engine.add({ metric: 'checks', time: T0 + 0.5, value: 1, tags });
    engine.add({
      metric: 'wf_latency',
      time: T0 + 1000,
      value: 14.5,
      tags: { status: '200', method: 'GET' },
    });
    await engine.close();
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '{"type":"Metric","data":{"name":"checks","type":"rate","contains":"default","thresholds":["rate>0.1"],"submetrics":null},"metric":"checks"}',
        '{"metric":"checks","type":"Point","data":{"time":"2026-11-28T12:00:00.0005Z","value":1,"tags":{"check":"deep ok","group":"::outer::inner","scenario":"default"}}}',
        '{"type":"Metric","data":{"name":"wf_latency","type":"trend","contains":"time","thresholds":[],"submetrics":[{"name":"wf_latency{status:200,method:GET}","suffix":"status:200,method:GET","tags":{"method":"GET","status":"200"}}]},"metric":"wf_latency"}',
        '{"metric":"wf_latency","type":"Point","data":{"time":"2026-11-28T12:00:01Z","value":14.5,"tags":{"method":"GET","status":"200"}}}',
        '',
      ].join('\n'),
    );
  });

  it('gzips when the path ends in .gz, and round-trips through the harness sample reader', async () => {
    const file = join(dir, 'samples.json.gz');
    const many: Sample[] = Array.from({ length: 20_000 }, (_, i) => ({
      metric: 'wf_latency',
      time: T0 + i,
      value: i / 7,
      tags: { endpoint: i % 2 ? 'execute' : 'poll' },
    }));
    await write(file, many);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const read = await readSamples(file);
    expect(read.badLines).toBe(0);
    expect(read.metrics.get('wf_latency')).toEqual({ name: 'wf_latency', type: 'trend', contains: 'time' });
    expect(read.points).toHaveLength(many.length);
    for (const i of [0, 1, 9_999, 19_999]) {
      expect(read.points[i]).toEqual({
        metric: 'wf_latency',
        time: many[i].time,
        value: many[i].value,
        tags: many[i].tags,
      });
    }
  });

  it('scrubs registered secrets from what it writes', async () => {
    registerSecret('sk-live-0123456789');
    try {
      const lines = await write(join(dir, 'secret.json'), [
        {
          metric: 'http_reqs',
          time: T0,
          value: 1,
          tags: { url: 'http://127.0.0.1/x?key=sk-live-0123456789' },
        },
      ]);
      expect(JSON.stringify(lines)).not.toContain('sk-live-0123456789');
      expect(lines[1].data.tags?.url).toContain('[REDACTED]');
    } finally {
      clearSecrets();
    }
  });

  it('surfaces a samples file that cannot be opened or written: close() rejects with the error', async () => {
    const sample: Sample = { metric: 'http_reqs', time: T0, value: 1, tags: {} };
    // A directory where the file should be: opening it fails.
    await expect(write(dir, [sample])).rejects.toThrow(/EISDIR/);
    mkdirSync(join(dir, 'taken.json.gz'));
    await expect(write(join(dir, 'taken.json.gz'), [sample])).rejects.toThrow(/EISDIR/);
    // An error that arrives before close() (the stream failed while samples were still coming):
    // kept and reported by close(), not lost because nobody was listening then.
    const early = new JsonOutput(join(dir, 'taken.json.gz'));
    await once(early['file'], 'error');
    await expect(early.close()).rejects.toThrow(/EISDIR/);
    // A device that refuses every write (no space left, Linux): the write itself fails.
    const engine = createMetricsEngine({ jsonOut: '/dev/full' });
    engine.add(sample);
    await expect(engine.close()).rejects.toThrow(/ENOSPC/);
  });
});
