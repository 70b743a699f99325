/**
 * `npm run mutation [-- flags]`: Stryker over the verdict code (stryker.config.mjs), one module after
 * another, each with only the test files that exercise it, then the score per module and file.
 *
 *   npm run mutation                                  # every module
 *   npm run mutation -- --module secrets,compare      # some modules
 *   npm run mutation -- --module compare --mutate src/compare/stats.ts   # one file (other flags go to Stryker)
 *   npm run mutation:changed                          # --incremental: only mutants whose code or tests changed
 *
 * Reports and the incremental state are per module in reports/mutation/ (gitignored, as all of reports/):
 * <module>.json, <module>.html, <module>-incremental.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { MODULE_RUNS } from './mutation-modules.js';
import { survivors, table, tallyFiles, type Report } from './mutation-table.js';

const OUT = 'reports/mutation';

function parse(argv: readonly string[]): { modules: string[]; slow: boolean; rest: string[] } {
  const slow = argv.includes('--with-slow-tests');
  argv = argv.filter((a) => a !== '--with-slow-tests');
  const i = argv.indexOf('--module');
  if (i === -1) return { modules: Object.keys(MODULE_RUNS), slow, rest: [...argv] };
  const modules = (argv[i + 1] ?? '').split(',').filter((m) => m !== '');
  const unknown = modules.filter((m) => !(m in MODULE_RUNS));
  if (modules.length === 0 || unknown.length > 0)
    throw new Error(`--module ${unknown.join(',')}: one or more of ${Object.keys(MODULE_RUNS).join(', ')}`);
  return { modules, slow, rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
}

const { modules, slow, rest } = parse(process.argv.slice(2));
const reports: Report[] = [];
let failed = false;
for (const module of modules) {
  const run = MODULE_RUNS[module];
  if (run === undefined) continue;
  const mutate = rest.includes('--mutate') || rest.includes('-m') ? [] : ['--mutate', run.mutate];
  const args = [
    ...mutate,
    '--testFiles',
    [...run.tests, ...(slow ? (run.slowTests ?? []) : [])].join(','),
    '--incrementalFile',
    `${OUT}/${module}-incremental.json`,
    ...rest,
  ];
  console.log(`\n== mutation: ${module} ==`);
  const result = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(`${OUT}/mutation.json`)) {
    failed = true;
    console.error(`mutation: the ${module} run failed (exit ${result.status ?? result.signal})`);
    continue;
  }
  copyFileSync(`${OUT}/mutation.json`, `${OUT}/${module}.json`);
  copyFileSync(`${OUT}/mutation.html`, `${OUT}/${module}.html`);
  reports.push(JSON.parse(readFileSync(`${OUT}/${module}.json`, 'utf8')) as Report);
}
if (reports.length > 0) {
  console.log('\nMutation score per module:\n');
  console.log(table(tallyFiles(reports)));
  console.log(`\nLeft alive (survived / no coverage):\n${survivors(reports).join('\n')}`);
}
// An incomplete run is never reported as done.
process.exitCode = failed ? 1 : 0;
