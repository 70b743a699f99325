// `npm run bench:samples` (a benchmark, not a test): peak RSS and samples/s of reading k6 JSON output
// (samples.json.gz) with the streaming reader (src/compare/read-aggregates.ts) at 1M and 10M samples,
// and with the old all-in-memory readSamples at 1M for contrast. The files are synthetic but shaped
// like k6's output of the harness's scenarios (same keys, tags and metric mix per request). Each read
// runs in a fresh process; the floor row (gunzip and line split only) shows what the machine allows
// at that moment, so the readers' rates can be read against it on a busy machine; CPU s (all threads)
// shows the cost whatever else runs. Goals: ≤ 300 MB peak whatever the length, ≥ 1M samples/s.
// Flags: --sizes 1000000,10000000  --raw-max 1000000 (largest size also read by readSamples);
// --also NAME=PATH (repeatable): another checkout's scripts/bench-samples-read.ts, read in the same
// run (e.g. --also before=/path/to/older/checkout/scripts/bench-samples-read.ts).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createGzip, constants } from 'node:zlib';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,10000000' },
    'raw-max': { type: 'string', default: '1000000' },
    also: { type: 'string', multiple: true, default: [] },
  },
});
const sizes = values.sizes.split(',').map(Number);
const rawMax = Number(values['raw-max']);
const dir = mkdtempSync(join(tmpdir(), 'bench-samples-'));

const ENDPOINTS = ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById', 'listWorkflows'];
const METRICS = [
  'http_reqs',
  'http_req_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
  'http_req_failed',
];
const TYPES: Record<string, string> = { http_reqs: 'counter', http_req_failed: 'rate' };

/** k6-format NDJSON, gzipped (level 1: the file is written once per size, read in each run). */
async function writeSynthetic(file: string, n: number): Promise<void> {
  const gz = createGzip({ level: constants.Z_BEST_SPEED });
  const done = gz.pipe(createWriteStream(file));
  const header = METRICS.map((m) =>
    JSON.stringify({
      type: 'Metric',
      data: {
        name: m,
        type: TYPES[m] ?? 'trend',
        contains: TYPES[m] ? 'default' : 'time',
        thresholds: [],
        submetrics: null,
      },
      metric: m,
    }),
  );
  gz.write(`${header.join('\n')}\n`);
  const t0 = Date.parse('2026-11-30T12:00:00Z');
  let seed = 1;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  let lines: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const req = Math.floor(i / METRICS.length);
    const metric = METRICS[i % METRICS.length];
    const endpoint = ENDPOINTS[req % ENDPOINTS.length];
    const time = new Date(t0 + Math.floor(req / 3)).toISOString().replace('Z', '123456Z');
    const value = metric === 'http_reqs' ? 1 : metric === 'http_req_failed' ? 0 : 5 * Math.exp(random());
    lines.push(
      `{"metric":"${metric}","type":"Point","data":{"time":"${time}","value":${value},"tags":{"endpoint":"${endpoint}","expected_response":"true","group":"","method":"POST","name":"${endpoint}","proto":"HTTP/1.1","scenario":"default","status":"200","url":"http://127.0.0.1:8080/v1/${endpoint}/${req}"}}}`,
    );
    if (lines.length === 10_000) {
      if (!gz.write(`${lines.join('\n')}\n`)) await once(gz, 'drain');
      lines = [];
    }
  }
  gz.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await once(done, 'finish');
}

interface Row {
  readonly reader: string;
  readonly samples: number;
  readonly seconds: number;
  /** Undefined from an older checkout's reader that did not report it. */
  readonly cpuSeconds?: number;
  readonly peakRssMb: number;
}

type Reader = 'stream' | 'raw' | 'floor';
const LABEL: Record<Reader, string> = {
  stream: 'readAggregates (streaming)',
  raw: 'readSamples (old, all in memory)',
  floor: 'gunzip + split lines only (floor)',
};

function read(
  file: string,
  reader: Reader,
  script = 'scripts/bench-samples-read.ts',
  label = LABEL[reader],
): Row {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, file, reader], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return { reader: label, ...(JSON.parse(out) as Omit<Row, 'reader'>) };
}

try {
  const rows: (Row & { fileMb: number })[] = [];
  for (const n of sizes) {
    const file = join(dir, `samples-${n}.json.gz`);
    await writeSynthetic(file, n);
    const fileMb = statSync(file).size / 2 ** 20;
    rows.push({ ...read(file, 'floor'), fileMb });
    rows.push({ ...read(file, 'stream'), fileMb });
    for (const spec of values.also ?? []) {
      const [name = spec, script = spec] = spec.split('=');
      rows.push({ ...read(file, 'stream', script, `readAggregates at ${name}`), fileMb });
    }
    if (n <= rawMax) rows.push({ ...read(file, 'raw'), fileMb });
    rmSync(file);
  }
  console.log(
    `bench:samples — ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at the end; goals: ≤ 300 MB peak, ≥ 1M samples/s`,
  );
  console.log('| reader | samples | file (gz) | seconds | samples/s | CPU s | samples/CPU s | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.reader} | ${r.samples.toLocaleString('en')} | ${r.fileMb.toFixed(0)} MB | ${r.seconds.toFixed(1)} | ${Math.round(r.samples / r.seconds).toLocaleString('en')} | ${r.cpuSeconds === undefined ? '—' : r.cpuSeconds.toFixed(1)} | ${r.cpuSeconds === undefined ? '—' : Math.round(r.samples / r.cpuSeconds).toLocaleString('en')} | ${r.peakRssMb.toFixed(0)} MB |`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
