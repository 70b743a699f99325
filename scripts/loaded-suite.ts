/**
 * Runs the vitest suite N times (default 5) while both cores are kept busy by CPU burners, and
 * prints the failures per run and a total: the check that no test depends on machine load.
 *
 *   npm run test:loaded                       # 5 runs of the whole suite, 2 burners
 *   npm run test:loaded -- --runs 2 --burners 1 -- test/compare test/engine/metrics
 *
 * Each burner is a child process spinning on the CPU for at most --burn-minutes (default 30) per run,
 * so a crashed script cannot leave one behind for long; they are stopped (by pid) after every run.
 * Exit code 1 when any run had a failure; a failing run's whole vitest output is kept in
 * reports/loaded/run-N.log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

/** Where a failing run's output is kept (gitignored, as all of reports/). */
const LOG_DIR = join('reports', 'loaded');

interface Options {
  readonly runs: number;
  readonly burners: number;
  readonly burnMinutes: number;
  readonly vitestArgs: readonly string[];
}

function parseArgs(argv: readonly string[]): Options {
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const vitestArgs = split === -1 ? [] : argv.slice(split + 1);
  const value = (flag: string, fallback: number): number => {
    const i = own.indexOf(flag);
    if (i === -1) return fallback;
    const n = Number(own[i + 1]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got ${own[i + 1]}`);
    return n;
  };
  return {
    runs: Math.max(1, value('--runs', 5)),
    burners: value('--burners', availableParallelism()),
    burnMinutes: Math.max(1, value('--burn-minutes', 30)),
    vitestArgs,
  };
}

/** A child that spins on one core until its deadline (it stops by itself) or until killed. */
function startBurner(minutes: number): ChildProcess {
  const code = `const end = Date.now() + ${minutes * 60_000}; let x = 0; while (Date.now() < end) x = (x + 1) % 1e9;`;
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

interface RunOutcome {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly exitCode: number;
  readonly seconds: number;
  readonly failedTests: readonly string[];
  /** vitest's whole output, without colours. */
  readonly output: string;
}

function runSuite(vitestArgs: readonly string[]): Promise<RunOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', ...vitestArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // The closing-line reporter's last line; absent when vitest itself crashed (counted as a failure).
      const closing = /Tests: (\d+) passed, (\d+) failed, (\d+) skipped\s*$/.exec(out);
      // eslint-disable-next-line no-control-regex -- strips ANSI colour codes from vitest's output
      const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
      const failedTests = [...plain.matchAll(/^ FAIL {1,2}(.+)$/gm)].map((m) => (m[1] ?? '').trim());
      resolve({
        passed: Number(closing?.[1] ?? 0),
        failed: closing === null ? Math.max(1, failedTests.length) : Number(closing[2]),
        skipped: Number(closing?.[3] ?? 0),
        exitCode: code ?? -1,
        seconds: Math.round((performance.now() - started) / 1000),
        failedTests: [...new Set(failedTests)],
        output: plain,
      });
    });
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const target = options.vitestArgs.length === 0 ? 'the whole suite' : options.vitestArgs.join(' ');
  console.log(`${options.runs} run(s) of ${target} with ${options.burners} CPU burner(s)\n`);
  console.log('run  passed  failed  skipped  exit  seconds');
  const outcomes: RunOutcome[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const burners = Array.from({ length: options.burners }, () => startBurner(options.burnMinutes));
    let outcome: RunOutcome;
    try {
      outcome = await runSuite(options.vitestArgs);
    } finally {
      for (const burner of burners) if (burner.exitCode === null) burner.kill('SIGKILL');
    }
    outcomes.push(outcome);
    console.log(
      `${String(run).padStart(3)}  ${String(outcome.passed).padStart(6)}  ${String(outcome.failed).padStart(6)}  ${String(outcome.skipped).padStart(7)}  ${String(outcome.exitCode).padStart(4)}  ${String(outcome.seconds).padStart(7)}`,
    );
    for (const name of outcome.failedTests) console.log(`       FAIL ${name}`);
    // A failure under load is rare and costly to reproduce: keep what vitest printed about it.
    if (outcome.failed > 0 || outcome.exitCode !== 0) {
      mkdirSync(LOG_DIR, { recursive: true });
      const log = join(LOG_DIR, `run-${run}.log`);
      writeFileSync(log, outcome.output);
      console.log(`       vitest's output: ${log}`);
    }
  }
  const failures = outcomes.reduce((sum, o) => sum + o.failed, 0);
  const failedRuns = outcomes.filter((o) => o.failed > 0 || o.exitCode !== 0).length;
  console.log(`\ntotal: ${failures} failure(s) in ${failedRuns} of ${outcomes.length} loaded run(s)`);
  process.exitCode = failedRuns === 0 ? 0 : 1;
}

await main();
