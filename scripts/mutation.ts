/**
 * `npm run mutation [-- flags]`: Stryker over the verdict code (stryker.config.mjs), then the score per
 * module and file. `--module <name>` mutates one module and runs only its tests (below); any other flag
 * goes to Stryker (`--mutate 'src/compare/stats.ts'`, `--concurrency 2`). `npm run mutation:changed`
 * (`--incremental`) reruns only mutants whose file or tests changed since the last run; its state is
 * reports/mutation/stryker-incremental.json, gitignored with the rest of reports/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { tallyFiles, table } from './mutation-table.js';

/** Each module's sources and the test files that exercise them (shorter runs than vitest's `related`). */
export const MODULE_RUNS: Record<string, { readonly mutate: string; readonly tests: readonly string[] }> = {
  metrics: {
    mutate: 'src/engine/metrics/**/*.ts',
    tests: ['test/engine/metrics/**/*.test.ts', 'test/engine/conformance/thresholds-summary.test.ts'],
  },
  executors: {
    mutate: 'src/engine/local/executors/**/*.ts',
    tests: ['test/engine/conformance/executors-http.test.ts', 'test/engine/local/**/*.test.ts'],
  },
  compare: { mutate: 'src/compare/**/*.ts', tests: ['test/compare/**/*.test.ts'] },
  kit: {
    mutate: 'contracts/kit/**/*.ts',
    tests: ['test/contract/**/*.test.ts', 'test/verify/kit.test.ts', 'test/verify/fault-detection.test.ts'],
  },
  secrets: { mutate: 'src/secrets/**/*.ts', tests: ['test/secrets/**/*.test.ts'] },
  verify: { mutate: 'src/verify/**/*.ts', tests: ['test/verify/**/*.test.ts'] },
  load: { mutate: 'src/load/**/*.ts', tests: ['test/load/**/*.test.ts'] },
};

const REPORT = 'reports/mutation/mutation.json';

function strykerArgs(argv: readonly string[]): { args: string[]; module?: string } {
  const i = argv.indexOf('--module');
  if (i === -1) return { args: [...argv] };
  const name = argv[i + 1] ?? '';
  const run = MODULE_RUNS[name];
  if (run === undefined) throw new Error(`--module ${name}: one of ${Object.keys(MODULE_RUNS).join(', ')}`);
  const rest = [...argv.slice(0, i), ...argv.slice(i + 2)];
  const mutate = rest.includes('--mutate') || rest.includes('-m') ? [] : ['--mutate', run.mutate];
  return { args: [...mutate, '--testFiles', run.tests.join(','), ...rest], module: name };
}

const { args, module } = strykerArgs(process.argv.slice(2));
const run = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' });
if (run.status === 0 && existsSync(REPORT)) {
  // Kept per module, so `tsx scripts/mutation-table.ts reports/mutation/*-module.json` shows them all.
  if (module !== undefined) copyFileSync(REPORT, `reports/mutation/${module}-module.json`);
  console.log(`\nMutation score per module (${REPORT}):\n`);
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Parameters<typeof tallyFiles>[0][number];
  console.log(table(tallyFiles([report])));
}
process.exitCode = run.status ?? 1;
