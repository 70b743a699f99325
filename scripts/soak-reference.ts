/**
 * Soak of the embedded reference deployment with a small conversation retention limit:
 * executes the fast workflow (sync and background, alternating) with bounded concurrency for a
 * fixed time and prints RSS over time, so a leak shows as a rising column.
 *
 *   npx tsx scripts/soak-reference.ts [--seconds 60] [--retention 500] [--concurrency 16]
 *                                     [--interval-ms 2000] [--time-scale 0.001] [--max-growth-mb 0]
 *
 * Exits 1 when more conversations are stored than --retention, or when --max-growth-mb > 0 and
 * RSS grew more than that between the sample at 25 % of the run (after warm-up) and the end;
 * the last line (SOAK {...}) is the machine-readable summary.
 * Loopback only: the reference listens on 127.0.0.1, port 0.
 */
import { parseArgs } from 'node:util';
import { startReference } from '../reference/index.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    retention: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '16' },
    'interval-ms': { type: 'string', default: '2000' },
    'time-scale': { type: 'string', default: '0.001' },
    'max-growth-mb': { type: 'string', default: '0' },
  },
});
const seconds = Number(values.seconds);
const retention = Number(values.retention);
const concurrency = Number(values.concurrency);
const intervalMs = Number(values['interval-ms']);
const maxGrowthMb = Number(values['max-growth-mb']);

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ref = await startReference({
  port: 0,
  timeScale: Number(values['time-scale']),
  faults: [],
  seed: 1,
  retention,
});
const fast = ref.profile().workflows.fast;
const body = JSON.stringify({ workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput });
const headers = { 'content-type': 'application/json', 'x-api-key': ref.keys.full };

let requests = 0;
let errors = 0;
const statusCounts = new Map<number, number>();
const started = Date.now();
const deadline = started + seconds * 1000;
const samples: { t: number; requests: number; stored: number; rssMb: number; heapMb: number }[] = [];

/** Stored conversations, from the reference's ground truth: shows the retention limit at work. */
async function stored(): Promise<number> {
  try {
    const res = await fetch(`${ref.url}/__reference/info`, { signal: AbortSignal.timeout(5000) });
    return ((await res.json()) as { conversations?: number }).conversations ?? -1;
  } catch {
    return -1;
  }
}

async function sample(): Promise<void> {
  const conversations = await stored();
  const m = process.memoryUsage();
  const row = {
    t: Math.round((Date.now() - started) / 100) / 10,
    requests,
    stored: conversations,
    rssMb: mb(m.rss),
    heapMb: mb(m.heapUsed),
  };
  samples.push(row);
  console.log(
    `t=${row.t.toFixed(1).padStart(6)}s  requests=${String(row.requests).padStart(8)}  stored=${String(row.stored).padStart(7)}  rss=${row.rssMb.toFixed(1).padStart(7)} MB  heap=${row.heapMb.toFixed(1).padStart(7)} MB`,
  );
}

async function worker(index: number): Promise<void> {
  let n = index;
  while (Date.now() < deadline) {
    const path = n++ % 2 === 0 ? 'executeWorkflow' : 'executeWorkflowBackground';
    try {
      const res = await fetch(`${ref.url}/api/${path}`, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
    } catch {
      errors++;
    }
    requests++;
  }
}

console.log(`soak: ${seconds}s, retention ${retention}, concurrency ${concurrency}, reference ${ref.url}`);
await sample();
const timer = setInterval(() => void sample(), intervalMs);
await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
clearInterval(timer);
await sample();
await ref.close();

// Skip the warm-up (JIT, pools, first retention fill): compare the sample at 25 % with the end.
const warm = samples[Math.floor(samples.length / 4)] ?? samples[0];
const last = samples[samples.length - 1];
const peak = Math.max(...samples.map((s) => s.rssMb));
const growth = warm !== undefined && last !== undefined ? Math.round((last.rssMb - warm.rssMb) * 10) / 10 : 0;
const statuses = Object.fromEntries([...statusCounts].sort((a, b) => a[0] - b[0]));
const maxStored = Math.max(...samples.map((s) => s.stored));
const ok = !(maxGrowthMb > 0 && growth > maxGrowthMb) && maxStored <= retention;
console.log(
  `SOAK ${JSON.stringify({ seconds, retention, requests, transportErrors: errors, statuses, maxStored, peakRssMb: peak, growthAfterWarmupMb: growth, maxGrowthMb, ok })}`,
);
process.exitCode = ok ? 0 : 1;
