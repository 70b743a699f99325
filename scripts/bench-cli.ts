// `npm run bench:cli` (a benchmark, not a test): wall time of `harness --help`, `harness serve
// --list-workflows` and `harness verify` (embedded reference), each run as a user runs it (a fresh
// process), side by side: "tsx" = TypeScript sources through tsx (HARNESS_FROM_SOURCES=1, how the
// CLI ran before it was compiled) vs "compiled" = dist/cli/. Runs alternate between the two and the
// median is kept, so load on the machine hits both alike; "÷ floor" relates each time to a bare
// `node -e 0` in the same run, which carries over to a quieter machine better than seconds do.
// Goals on a quiet machine: --help ≤ 0.3 s, verify ≤ 3 s. Flags: --rounds N (5; verify runs ceil(N/2) times).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);
const reportsDir = mkdtempSync(join(tmpdir(), 'bench-cli-'));

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly rounds: number;
  readonly goalS?: number;
}

const CASES: readonly Case[] = [
  { name: 'harness --help', args: ['--help'], rounds, goalS: 0.3 },
  { name: 'harness serve --list-workflows', args: ['serve', '--list-workflows'], rounds },
  {
    name: 'harness verify (embedded reference)',
    args: ['verify', '--ci', '--reports-dir', reportsDir],
    rounds: Math.ceil(rounds / 2),
    goalS: 3,
  },
];

type Mode = 'tsx' | 'compiled';

/** Seconds from spawn to exit of one run; a failing run aborts the benchmark (its time means nothing). */
function timeRun(args: readonly string[], mode: Mode | 'floor'): number {
  const argv = mode === 'floor' ? ['-e', '0'] : ['bin/harness.mjs', ...args];
  const env = { ...process.env, HARNESS_FROM_SOURCES: mode === 'tsx' ? '1' : '0' };
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8', timeout: 120_000 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${mode}: harness ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return seconds;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (s: number): string => `${s.toFixed(2)} s`.padStart(10);

try {
  // Warm-up, untimed: builds dist/cli/ if a source changed, fills the OS file cache for both modes.
  for (const mode of ['tsx', 'compiled'] as const) timeRun(['--help'], mode);
  const floor = median(Array.from({ length: rounds }, () => timeRun([], 'floor')));
  console.log(
    `harness CLI wall time, median of alternating runs; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
  );
  console.log(
    `${'command'.padEnd(38)} ${'tsx'.padStart(10)} ${'compiled'.padStart(10)} ${'speed-up'.padStart(9)} ${'÷ floor'.padStart(8)}  goal (compiled)`,
  );
  console.log(`${'node -e 0 (Node start-up, the floor)'.padEnd(38)} ${fmt(floor)} ${fmt(floor)}`);
  for (const c of CASES) {
    const times: Record<Mode, number[]> = { tsx: [], compiled: [] };
    for (let i = 0; i < c.rounds; i++)
      for (const mode of ['tsx', 'compiled'] as const) times[mode].push(timeRun(c.args, mode));
    const before = median(times.tsx);
    const after = median(times.compiled);
    const goal = c.goalS === undefined ? '' : `≤ ${c.goalS} s: ${after <= c.goalS ? 'met' : 'NOT met'}`;
    console.log(
      `${c.name.padEnd(38)} ${fmt(before)} ${fmt(after)} ${`${(before / after).toFixed(1)}×`.padStart(9)} ${`${(after / floor).toFixed(1)}×`.padStart(8)}  ${goal}`,
    );
  }
} finally {
  rmSync(reportsDir, { recursive: true, force: true });
}
