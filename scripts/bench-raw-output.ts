// `npm run bench:raw-output` (a benchmark, not a test): what writing raw samples costs the engine
// itself. The sync-latency bundle runs at a fixed arrival rate against ONE embedded reference
// started here (loopback, time scale 0.001), on real k6 (K6_BIN, when set) and on the local engine,
// once per output choice, in interleaved rounds: no --out; `--out json=….gz` with k6's default
// system tags (what the harness wrote before); the same with --system-tags limited to RAW_SYSTEM_TAGS
// (what it writes now, src/load/run-engine.ts); plain json; k6's csv (gzipped). Prints CPU seconds
// (the engine process's user+system, init and teardown included), iterations, the p95 of
// http_req_duration, and the output's size, with ratios to "no --out".
// Flags: --rate N (1500 it/s) --seconds S (20, at most 60) --rounds R (1) --engines k6,local
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildScenarios } from '../src/load/index.js';
import { LOCAL_ENGINE_BIN, RAW_SYSTEM_TAGS } from '../src/load/run-engine.js';
import { scenarioEnv } from '../src/load/scenario-env.js';
import { startEmbedded } from '../src/target/index.js';
import { reapedCpuSeconds } from './engine-measure/reaped-cpu.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1500' },
    seconds: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '1' },
    engines: { type: 'string', default: 'k6,local' },
  },
});
const rate = Number(values.rate);
const seconds = Math.min(60, Number(values.seconds));
const rounds = Number(values.rounds);
const k6 = process.env.K6_BIN;
const engines = values.engines.split(',').filter((e) => e === 'local' || (e === 'k6' && k6 !== undefined));
const LIMITED = `--system-tags=${RAW_SYSTEM_TAGS.join(',')}`;

interface Variant {
  readonly name: string;
  /** The --out value (FILE is replaced by the output's path), or none. */
  readonly out?: { readonly kind: string; readonly file: string };
  readonly flags: readonly string[];
  readonly engines: readonly string[];
}
const VARIANTS: readonly Variant[] = [
  { name: 'no --out', flags: [], engines: ['k6', 'local'] },
  {
    name: 'json.gz, default tags',
    out: { kind: 'json', file: 'samples.json.gz' },
    flags: [],
    engines: ['k6', 'local'],
  },
  {
    name: 'json.gz, limited tags',
    out: { kind: 'json', file: 'samples.json.gz' },
    flags: [LIMITED],
    engines: ['k6', 'local'],
  },
  {
    name: 'json, limited tags',
    out: { kind: 'json', file: 'samples.json' },
    flags: [LIMITED],
    engines: ['k6', 'local'],
  },
  {
    name: 'csv.gz, limited tags',
    out: { kind: 'csv', file: 'samples.csv.gz' },
    flags: [LIMITED],
    engines: ['k6'], // the local engine writes JSON only
  },
];

interface Run {
  readonly cpuS: number;
  readonly iterations: number;
  readonly p95: number;
  readonly outMb: number;
}

/** One engine run under `sh`, which reaps it and copies its own /proc stat: cutime+cstime are the engine's CPU. */
function runOnce(engine: string, v: Variant, bundle: string, env: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-run-'));
  const stat = join(dir, 'stat');
  const summary = join(dir, 'summary.json');
  const outFile = v.out === undefined ? undefined : join(dir, v.out.file);
  const executor = {
    executor: 'constant-arrival-rate',
    rate,
    timeUnit: '1s',
    duration: `${seconds}s`,
    preAllocatedVUs: 200,
    maxVUs: 400,
  };
  const args = [
    'run',
    '--quiet',
    '--summary-export',
    summary,
    ...(outFile === undefined ? [] : ['--out', `${v.out?.kind}=${outFile}`]),
    ...v.flags,
    bundle,
  ];
  const command = engine === 'k6' ? [k6 as string, ...args] : [process.execPath, LOCAL_ENGINE_BIN, ...args];
  const wrapper = `"$@" >/dev/null 2>"${dir}/err"; rc=$?; cat /proc/$$/stat > '${stat}'; exit $rc`;
  const child = spawn('sh', ['-c', wrapper, 'sh', ...command], {
    env: { ...process.env, ...env, HARNESS_EXECUTOR: JSON.stringify(executor), K6_NO_USAGE_REPORT: 'true' },
    stdio: 'ignore',
  });
  return new Promise<Run>((resolve, reject) => {
    child.on('close', (code) => {
      try {
        if (code !== 0 && code !== 99)
          throw new Error(
            `${engine} ${v.name} exited ${code}: ${readFileSync(join(dir, 'err'), 'utf8').slice(-1500)}`,
          );
        const exported = JSON.parse(readFileSync(summary, 'utf8')) as {
          metrics: Record<string, Record<string, number>>;
        };
        resolve({
          cpuS: reapedCpuSeconds(stat),
          iterations: exported.metrics.iterations?.count ?? 0,
          p95: exported.metrics.http_req_duration?.['p(95)'] ?? Number.NaN,
          outMb: outFile !== undefined && existsSync(outFile) ? statSync(outFile).size / 2 ** 20 : 0,
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
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

const target = await startEmbedded({ timeScale: 0.001, faults: [], seed: 1 });
const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
try {
  const [bundle] = await buildScenarios({ names: ['sync-latency'], outDir: dir });
  if (bundle === undefined) throw new Error('sync-latency did not build');
  const env = scenarioEnv({
    profile: target.profile,
    apiKey: target.keys.main,
    loadProfile: 'smoke',
    timeScale: 0.001,
    embedded: true,
    summaryOut: join(dir, 'handle-summary.json'),
  });
  const cells = engines.flatMap((engine) =>
    VARIANTS.filter((v) => v.engines.includes(engine)).map((v) => ({ engine, v, runs: [] as Run[] })),
  );
  // Interleaved: neither choice pays alone for a noisy moment on a shared machine.
  for (let round = 0; round < rounds; round += 1)
    for (const cell of cells) cell.runs.push(await runOnce(cell.engine, cell.v, bundle.path, env));
  console.log(
    `bench:raw-output — sync-latency at ${rate} it/s (constant-arrival-rate, 200–400 VUs) for ${seconds} s × ${rounds} round(s), embedded reference (loopback, time scale 0.001); medians`,
  );
  console.log(`limited tags: ${LIMITED}`);
  console.log(
    '| engine | output | CPU s | iterations | CPU µs/iteration | × no --out | p95 ms | output MB |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const cell of cells) {
    const none = cells.find((c) => c.engine === cell.engine && c.v.out === undefined);
    // Per iteration: on a busy machine an engine may not reach the rate, and a run that did less work costs less.
    const perIteration = (runs: readonly Run[]): number =>
      median(runs.map((r) => (r.cpuS * 1e6) / r.iterations));
    const cpu = perIteration(cell.runs);
    const base = perIteration(none?.runs ?? []);
    console.log(
      `| ${cell.engine} | ${cell.v.name} | ${median(cell.runs.map((r) => r.cpuS)).toFixed(1)} | ${median(cell.runs.map((r) => r.iterations))} | ${cpu.toFixed(0)} | ${(cpu / base).toFixed(2)}× | ${median(cell.runs.map((r) => r.p95)).toFixed(2)} | ${cell.v.out === undefined ? '—' : median(cell.runs.map((r) => r.outMb)).toFixed(1)} |`,
    );
  }
} finally {
  await target.stop();
  rmSync(dir, { recursive: true, force: true });
}
