// `npm run bench:k6` (a benchmark, not a test; needs K6_BIN): real k6 running the sync-latency
// bundle (with and without validation) against a bare k6 script making the same request
// (http.post + check), each at --vus constant VUs, in interleaved rounds against ONE embedded
// reference started here (loopback, time scale 0.001: the fast workflow answers in microseconds).
// Prints iterations/s, CPU µs per iteration and MB per VU, medians and spread, with ratios to bare;
// a "floor" script (see FLOOR) shows what the scenario's own metrics cost whatever the code.
// Goals: bundle ≥ 0.9× bare iterations/s while validating every response; ≤ 1.3× bare MB per VU.
// Flags: --vus N (200) --seconds S (10) --rounds R (3); --also NAME=PATH (repeatable) adds another
// build of the sync-latency bundle to the same interleaved rounds (e.g. an older commit's, per step).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../src/errors/index.js';
import { buildScenarios } from '../src/load/index.js';
import { scenarioEnv } from '../src/load/scenario-env.js';
import { endpointUrl, startEmbedded } from '../src/target/index.js';
import { reapedCpuSeconds } from './engine-measure/reaped-cpu.js';

const { values } = parseArgs({
  options: {
    vus: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    also: { type: 'string', multiple: true, default: [] },
  },
});
const vus = Number(values.vus);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const k6 = process.env.K6_BIN;
if (k6 === undefined || k6 === '') {
  const error = new HarnessError(
    'HARNESS_ERR_K6_UNAVAILABLE',
    'bench:k6 measures real k6, and K6_BIN is not set.',
    {
      hint: 'Set K6_BIN=/path/to/k6 (k6 ≥ 1.0; this project never installs k6) and run `npm run bench:k6` again.',
    },
  );
  console.error(error.format());
  process.exit(2);
}

// What a user would write by hand: one constant params object, one check per response.
const BARE = `import http from 'k6/http';
import { check } from 'k6';
const url = __ENV.BENCH_URL;
const body = __ENV.BENCH_BODY;
const params = { headers: { 'Content-Type': 'application/json', 'x-api-key': __ENV.BENCH_KEY } };
export const options = { scenarios: { bare: JSON.parse(__ENV.HARNESS_EXECUTOR) } };
export default function () {
  const res = http.post(url, body, params);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
`;

// The least any script measuring what sync-latency measures must do: the same request tags and
// thresholds, one JSON.parse, the same three custom samples with their tags; no schema validation.
// "bundle ÷ floor" is what the bundle's own code costs on top.
const FLOOR = `import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
const latency = new Trend('workflow_latency', true);
const violations = new Rate('contract_violations');
const credits = new Counter('credits_used');
const url = __ENV.BENCH_URL;
const body = __ENV.BENCH_BODY;
const tags = { endpoint: 'executeWorkflow', workflow: 'fast' };
const latencyTags = { endpoint: 'executeWorkflow', workflow: 'fast', workflow_id: __ENV.BENCH_WORKFLOW_ID };
const params = { headers: { 'Content-Type': 'application/json', 'x-api-key': __ENV.BENCH_KEY }, tags, responseType: 'text' };
export const options = {
  scenarios: { 'sync-latency': JSON.parse(__ENV.HARNESS_EXECUTOR) },
  thresholds: {
    contract_violations: [{ threshold: 'rate==0', abortOnFail: true, delayAbortEval: '1s' }],
    http_reqs: ['count>0'],
    'http_req_duration{endpoint:executeWorkflow,workflow:fast}': ['p(95)<30000'],
    'http_req_failed{scenario:sync-latency}': ['rate<0.01'],
  },
};
export default function () {
  const res = http.post(url, body, params);
  latency.add(res.timings.duration, latencyTags);
  const parsed = JSON.parse(res.body);
  credits.add(parsed.creditUsage, tags);
  violations.add(res.status !== 200, tags);
}
`;

interface Run {
  readonly iterations: number;
  readonly cpuMicros: number;
  readonly peakMb: number;
}

/**
 * One k6 run. k6 runs under `sh`, which reaps it and then copies its own /proc stat: the
 * children's utime+stime (cutime, cstime) are then exactly k6's CPU, init and teardown included.
 * Peak RSS is k6's VmHWM (a high-water mark), sampled from /proc while it runs.
 */
function runK6(script: string, env: Record<string, string>, vuCount: number, secs: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-k6-run-'));
  const stat = join(dir, 'stat');
  const summary = join(dir, 'summary.json');
  const wrapper = `"$@" & p=$!; echo $p; wait $p; rc=$?; cat /proc/$$/stat > '${stat}'; exit $rc`;
  const executor = { executor: 'constant-vus', vus: vuCount, duration: `${secs}s`, gracefulStop: '5s' };
  const args = ['run', '--quiet', '--no-usage-report', '--summary-export', summary, script];
  const child = spawn('sh', ['-c', wrapper, 'sh', k6 as string, ...args], {
    env: { ...process.env, ...env, HARNESS_EXECUTOR: JSON.stringify(executor), K6_NO_USAGE_REPORT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pid: number | undefined;
  let peakKb = 0;
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pid ??= Number(/^\d+/.exec(chunk)?.[0]);
    output += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (kb > peakKb) peakKb = kb;
    } catch {
      /* not started yet, or exited */
    }
  }, 100);
  return new Promise<Run>((resolve, reject) => {
    child.on('close', (code) => {
      clearInterval(timer);
      try {
        if (code !== 0 && code !== 99) throw new Error(`k6 exited ${code}:\n${output.slice(-2000)}`);
        const exported = JSON.parse(readFileSync(summary, 'utf8')) as {
          metrics: Record<string, { count?: number; passes?: number }>;
        };
        // A failed request or a violation is a cheap iteration: such a run would flatter the script.
        const failed = exported.metrics.http_req_failed?.passes ?? 0;
        const violations = exported.metrics.contract_violations?.passes ?? 0;
        if (failed > 0 || violations > 0)
          throw new Error(`${script}: ${failed} failed requests, ${violations} contract violations`);
        resolve({
          iterations: exported.metrics.iterations?.count ?? 0,
          cpuMicros: reapedCpuSeconds(stat) * 1e6,
          peakMb: peakKb / 1024,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

const target = await startEmbedded({ timeScale: 0.001, faults: [], seed: 1 });
const dir = mkdtempSync(join(tmpdir(), 'bench-k6-'));
try {
  // Built into this run's own folder: a concurrent `npm run build:scenarios` cannot swap it mid-run.
  const [bundle] = await buildScenarios({ names: ['sync-latency'], outDir: dir });
  if (bundle === undefined) throw new Error('sync-latency did not build');
  const bare = join(dir, 'bare.js');
  writeFileSync(bare, BARE);
  const floor = join(dir, 'floor.js');
  writeFileSync(floor, FLOOR);
  const wf = target.profile.workflows.fast;
  const base = scenarioEnv({
    profile: target.profile,
    apiKey: target.keys.main,
    loadProfile: 'smoke',
    timeScale: 0.001,
    embedded: true,
    summaryOut: join(dir, 'handle-summary.json'),
  });
  const request = {
    BENCH_URL: endpointUrl(target.profile, 'executeWorkflow'),
    BENCH_BODY: JSON.stringify({ workflowId: wf.workflowId, version: wf.version, input: wf.sampleInput }),
    BENCH_KEY: target.keys.main,
    BENCH_WORKFLOW_ID: wf.workflowId,
  };
  const variants = [
    { name: 'bare k6 script', script: bare, env: request },
    { name: 'floor (same samples)', script: floor, env: request },
    { name: 'sync-latency bundle', script: bundle.path, env: base },
    { name: 'bundle, no validation', script: bundle.path, env: { ...base, HARNESS_VALIDATE: '0' } },
    ...(values.also ?? []).map((spec) => {
      const [name = spec, path = spec] = spec.split('=');
      return { name, script: path, env: base };
    }),
  ];
  // Memory baseline per script: the same k6 with 1 VU, so "per VU" is the marginal cost of a VU.
  const baselines: number[] = [];
  for (const v of variants) baselines.push((await runK6(v.script, v.env, 1, 2)).peakMb);
  // Interleaved rounds (bare, bundle, no validation, bare, …): on 2 shared cores a single run
  // swings widely, and neither variant should pay alone for a noisy moment or the reference's growing store.
  const runs: Run[][] = variants.map(() => []);
  for (let round = 0; round < rounds; round++)
    for (const [i, v] of variants.entries()) runs[i]?.push(await runK6(v.script, v.env, vus, seconds));
  const rows = variants.map((v, i) => {
    const rs = runs[i] ?? [];
    const rates = rs.map((r) => r.iterations / seconds);
    return {
      name: v.name,
      rate: median(rates),
      spread: `${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}`,
      cpu: median(rs.map((r) => r.cpuMicros / r.iterations)),
      mbPerVu: median(rs.map((r) => (r.peakMb - (baselines[i] ?? 0)) / (vus - 1))),
    };
  });
  const ref = rows[0];
  if (ref === undefined) throw new Error('no bare run');
  const ratio = (x: number, y: number): string => `${(x / y).toFixed(2)}×`;
  console.log(
    `\nk6 ${process.env.K6_BIN}: ${vus} VUs constant-vus, ${seconds} s × ${rounds} interleaved rounds (medians; spread = min–max it/s),`,
  );
  console.log(
    `embedded reference in this process (loopback, time scale 0.001); bundle ${(bundle.bytes / 1024).toFixed(1)} KiB\n`,
  );
  console.log(
    `${'script'.padEnd(24)} ${'it/s'.padStart(7)} ${'spread'.padStart(11)} ${'× bare'.padStart(7)} ${'CPU µs/it'.padStart(10)} ${'× bare'.padStart(7)} ${'MB/VU'.padStart(6)} ${'× bare'.padStart(7)}`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(24)} ${r.rate.toFixed(0).padStart(7)} ${r.spread.padStart(11)} ${ratio(r.rate, ref.rate).padStart(7)} ${r.cpu.toFixed(0).padStart(10)} ${ratio(r.cpu, ref.cpu).padStart(7)} ${r.mbPerVu.toFixed(2).padStart(6)} ${ratio(r.mbPerVu, ref.mbPerVu).padStart(7)}`,
    );
  console.log(
    `\nper-round it/s: ${rows.map((r, i) => `${r.name}: ${(runs[i] ?? []).map((x) => (x.iterations / seconds).toFixed(0)).join(', ')}`).join('; ')}`,
  );
  const [, floorRow, bundleRow] = rows;
  if (floorRow !== undefined && bundleRow !== undefined)
    console.log(
      `bundle ÷ floor: it/s ${ratio(bundleRow.rate, floorRow.rate)}, CPU/it ${ratio(bundleRow.cpu, floorRow.cpu)}, MB/VU ${ratio(bundleRow.mbPerVu, floorRow.mbPerVu)}`,
    );
  console.log(`1-VU baselines (MB): ${baselines.map((b) => b.toFixed(0)).join(', ')}`);
  console.log('goals: sync-latency bundle ≥ 0.90× bare it/s, ≤ 1.30× bare MB/VU');
} finally {
  await target.stop();
  rmSync(dir, { recursive: true, force: true });
}
