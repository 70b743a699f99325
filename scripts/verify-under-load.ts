/**
 * Flakiness under load: runs `harness verify` (the embedded reference, clean) N times in a
 * row while a child process keeps every core busy, and prints each run's exit code and wall
 * time, then the failure count. A flaky check shows as a non-zero count.
 *
 *   npx tsx scripts/verify-under-load.ts [--runs 20] [--burners 2] [--run-timeout-ms 120000]
 *
 * Bounded: each verify run is killed after --run-timeout-ms (counted as a failure); the
 * burner is killed by its pid at the end, also on Ctrl-C. Loopback only. Exit 1 when any
 * run failed. The machine may be loaded by others too: the figure is an upper bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    burners: { type: 'string', default: '2' },
    'run-timeout-ms': { type: 'string', default: '120000' },
  },
});
const runs = Number(values.runs);
const burners = Number(values.burners);
const runTimeoutMs = Number(values['run-timeout-ms']);
const BIN = new URL('../bin/harness.mjs', import.meta.url).pathname;

/** One process with `burners` worker threads spinning until killed. */
function startBurner(): ChildProcess {
  const code = `
    const { Worker } = require('node:worker_threads');
    for (let i = 0; i < ${burners}; i++) new Worker('for (;;) { Math.sqrt(Math.random()); }', { eval: true });
  `;
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

function verifyOnce(reportsDir: string): Promise<{ code: number; ms: number; summary: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    // The human console: its FAIL rows and OK/FAILED line are parsed below (--ci prints JSON lines).
    const child = spawn(process.execPath, [BIN, 'verify', '--reports-dir', reportsDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), runTimeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const failed = out
        .split('\n')
        .filter((l) => /^FAIL /.test(l))
        .map((l) => l.split(/\s+/)[1])
        .join(',');
      const total = /(OK|FAILED): (\d+) passed, (\d+) failed, (\d+) skipped/.exec(out)?.[0] ?? 'no summary';
      resolve({
        code: code ?? 124,
        ms: performance.now() - started,
        summary: failed === '' ? total : `${total} — ${failed}`,
      });
    });
  });
}

const reportsDir = mkdtempSync(join(tmpdir(), 'verify-under-load-'));
const burner = startBurner();
const stop = (): void => {
  burner.kill('SIGKILL');
  rmSync(reportsDir, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  stop();
  process.exit(130);
});
let failures = 0;
const times: number[] = [];
try {
  console.log(
    `${runs} × harness verify (embedded reference) with ${burners} busy threads (burner pid ${burner.pid})`,
  );
  console.log('run  exit  wall ms  result');
  for (let i = 1; i <= runs; i++) {
    const r = await verifyOnce(reportsDir);
    times.push(r.ms);
    if (r.code !== 0) failures++;
    console.log(
      `${String(i).padStart(3)}  ${String(r.code).padStart(4)}  ${String(Math.round(r.ms)).padStart(7)}  ${r.summary}`,
    );
  }
} finally {
  stop();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(
  `failures: ${failures} of ${runs} · wall median ${Math.round(median)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
);
process.exitCode = failures === 0 ? 0 : 1;
