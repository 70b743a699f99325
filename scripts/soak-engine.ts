/**
 * `npm run soak:engine -- [--minutes 10] [--rate 200] [--max-vus 100] [--max-growth 10]` (a benchmark,
 * not a test): the local engine runs sync-latency at a fixed arrival rate against the embedded
 * reference, as `harness load` runs it (a child process), and this prints the engine's RSS and heap
 * at every interval (a minute; a sixth of the run when shorter than 6 minutes), each measured by the
 * engine right after a full GC (bin/local-engine.mjs), then one verdict line:
 *   - RSS may grow by at most --max-growth % between the baseline (minute 2; a third of a short run,
 *     after warm-up) and the highest later sample — a leak shows as a rising column;
 *   - the summary's http_req_duration statistics must equal those computed from samples.json.gz
 *     (exact, as k6's, until a Trend spills past 4M samples; then within the histogram's 0.1 %).
 * Exit 1 on a failed verdict. Loopback only; bounded by --minutes plus a two-minute margin.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { embeddedBench } from './engine-measure/embedded-bench.js';
import { compareWithSummary, type StatCheck } from './engine-measure/compare-with-summary.js';
import { readTrendSamples } from './engine-measure/read-trend-samples.js';
import { sampleRss } from './engine-measure/sample-rss.js';
import { runLoad } from '../src/load/index.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    'max-vus': { type: 'string', default: '100' },
    'max-growth': { type: 'string', default: '10' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const maxVus = Number(values['max-vus']);
const maxGrowthPct = Number(values['max-growth']);
const runMs = minutes * 60_000;
const intervalMs = minutes >= 6 ? 60_000 : runMs / 6;
const baselineMs = minutes >= 6 ? 120_000 : runMs / 3;

interface MemoryRow {
  readonly atMs: number;
  /** After the full GC the engine runs before each report: what it keeps alive. */
  readonly rssMb: number;
  readonly heapMb: number;
  /** ArrayBuffers and other memory V8 tracks outside its heap: a Trend's exact samples (8 bytes each) live here. */
  readonly externalMb: number;
  readonly rssBeforeGcMb: number;
}

const mb = (bytes: number): number => bytes / 2 ** 20;
const rows: MemoryRow[] = [];
let engineStart = 0;
let peak: { stop(): number | undefined } | undefined;
/** The engine's own process.memoryUsage(), printed by bin/local-engine.mjs on request. */
function onEngineOutput(chunk: string): void {
  for (const m of chunk.matchAll(
    /harness-engine-memory rss=(\d+) heapUsed=(\d+) heapTotal=\d+ external=(\d+) rssBeforeGc=(\d+)/g,
  )) {
    const row = {
      atMs: performance.now() - engineStart,
      rssMb: mb(Number(m[1])),
      heapMb: mb(Number(m[2])),
      externalMb: mb(Number(m[3])),
      rssBeforeGcMb: mb(Number(m[4])),
    };
    rows.push(row);
    console.log(
      `${(row.atMs / 60_000).toFixed(1).padStart(6)}  ${row.rssMb.toFixed(1).padStart(8)}  ${row.heapMb.toFixed(1).padStart(8)}  ${row.externalMb.toFixed(1).padStart(11)}  ${row.rssBeforeGcMb.toFixed(1).padStart(14)}`,
    );
  }
}

const { target, config, close } = await embeddedBench('soak-engine', { loadTimeoutMs: runMs + 120_000 });
try {
  console.log(
    `local engine, sync-latency at ${rate}/s for ${minutes} min (maxVUs ${maxVus}), against the embedded reference\n` +
      `the engine process every ${(intervalMs / 1000).toFixed(0)} s, after a full GC (and its RSS just before it)\n` +
      `minute    RSS MB   heap MB  external MB   RSS before GC`,
  );
  const result = await runLoad(config, {
    scenario: 'sync-latency',
    target,
    validate: true,
    log: () => undefined,
    onEngineOutput,
    onEngineStart: (pid) => {
      engineStart = performance.now();
      peak = sampleRss(pid, 1000);
    },
    extraEnv: {
      HARNESS_ENGINE_MEMORY_MS: String(intervalMs),
      HARNESS_EXECUTOR: JSON.stringify({
        executor: 'constant-arrival-rate',
        rate,
        timeUnit: '1s',
        duration: `${minutes * 60}s`,
        preAllocatedVUs: Math.min(maxVus, Math.ceil(rate / 10)),
        maxVUs: maxVus,
      }),
    },
  });
  const peakMb = peak?.stop();
  const baseline = rows.find((r) => r.atMs >= baselineMs - intervalMs / 2);
  const later = rows.filter((r) => baseline !== undefined && r.atMs > baseline.atMs);
  const highest = later.reduce((max, r) => Math.max(max, r.rssMb), baseline?.rssMb ?? Number.NaN);
  const growthPct = baseline === undefined ? Number.NaN : (100 * (highest - baseline.rssMb)) / baseline.rssMb;

  const durations = await readTrendSamples(join(result.runDir.path, 'samples.json.gz'), 'http_req_duration');
  const checks: StatCheck[] = compareWithSummary(result.summary, 'http_req_duration', durations);
  console.log(
    `\nhttp_req_duration: ${durations.length} samples; summary vs samples.json.gz (${durations.length > 4_000_000 ? 'spilled: within 0.1 %' : 'exact'})`,
  );
  for (const c of checks)
    console.log(
      `  ${c.stat.padEnd(7)} summary ${c.summary.toFixed(6).padStart(14)}  samples ${c.fromSamples.toFixed(6).padStart(14)}  ${c.ok ? 'ok' : 'DIFFERS'}`,
    );

  const memoryOk = Number.isFinite(growthPct) && growthPct <= maxGrowthPct;
  const statsOk = checks.length > 0 && checks.every((c) => c.ok);
  // 99 = thresholds crossed: the scenario's latency goals on this machine, not what a soak judges.
  const engineOk = result.exitCode === 0 || result.exitCode === 99;
  console.log(
    `\nVERDICT ${memoryOk && statsOk && engineOk ? 'PASS' : 'FAIL'}: RSS ${baseline?.rssMb.toFixed(1) ?? '?'} MB at minute ${((baseline?.atMs ?? 0) / 60_000).toFixed(1)} → highest later ${highest.toFixed(1)} MB (${growthPct >= 0 ? '+' : ''}${growthPct.toFixed(1)} %, limit ${maxGrowthPct} %)` +
      `; percentiles ${statsOk ? 'match' : 'DIFFER'} (${checks.length} stats); engine exit ${result.exitCode}${result.exitCode === 99 ? ' (thresholds crossed)' : ''}` +
      (peakMb === undefined ? '' : `; peak RSS ${peakMb.toFixed(0)} MB`),
  );
  process.exitCode = memoryOk && statsOk && engineOk ? 0 : 1;
} finally {
  await close();
}
