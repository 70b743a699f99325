import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import type { RunnerTestSuite, RunnerTask } from 'vitest';
import { ENV, mergeHits, strykerNamespace, takeHits, type Hits } from './coverage-files.js';

/**
 * `npm run mutation` only (vitest.mutation.config.ts). Stryker switches a mutant on in this
 * worker's globals, which neither a spawned CLI nor `harness verify`'s inner vitest workers see:
 * they read `__STRYKER_ACTIVE_MUTANT__` from their environment instead, mirrored here before every
 * hook and test. In the dry run, the hits they count come back through a folder and are credited
 * to the test that started them, so each mutant runs the tests that really reach it.
 */
const name = inject('globalNamespace' as never) as string | undefined;
const ns = strykerNamespace(name ?? '__stryker__');
const dir = mkdtempSync(join(tmpdir(), 'harness-mutation-'));
process.env[ENV.coverageDir] = dir;
process.env[ENV.checkSetup] = join(import.meta.dirname, 'check-setup.ts');
// Spawned Node processes (the CLI, the local engine) leave their hits on exit.
const childHook = pathToFileURL(join(import.meta.dirname, 'child-coverage.mjs')).href;
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS ?? '', `--import=${childHook}`].join(' ').trim();

function mirrorActiveMutant(): void {
  if (ns.activeMutant === undefined) delete process.env[ENV.activeMutant];
  else process.env[ENV.activeMutant] = String(ns.activeMutant);
}

function coverage(): { static: Hits; perTest: Record<string, Hits> } {
  return (ns.mutantCoverage ??= { static: {}, perTest: {} });
}

// A mutant in module-level code (a regex, a table) only acts if it is on before the test file's
// imports: switch it on now, as Stryker does for the mutants it knows are static. Each test file
// imports the sources afresh, so its import-time hits are credited to its tests below.
if (inject('mode' as never) === 'mutant') ns.activeMutant = inject('activeMutant' as never);
mirrorActiveMutant();
beforeAll(mirrorActiveMutant);
beforeEach(mirrorActiveMutant);

// After-hooks run in reverse order: these run before Stryker's own, while the test id is still set.
afterEach(() => {
  const hits = takeHits(dir);
  const testId = ns.currentTestId;
  if (testId === undefined) mergeHits(coverage().static, hits);
  else mergeHits((coverage().perTest[testId] ??= {}), hits);
});

// Hits outside a test (the file's imports, a verify or engine run in its beforeAll, here or in what it
// started) go to every test of the file, not to "static", which would run every test of every file.
// eslint-disable-next-line no-empty-pattern -- vitest 4.1 passes the suite as the hook's second argument only
afterAll(({}, suite: RunnerTestSuite) => {
  const hits = takeHits(dir);
  rmSync(dir, { recursive: true, force: true });
  const still = coverage().static;
  for (const [id, n] of Object.entries(still)) {
    hits[id] = (hits[id] ?? 0) + n;
    delete still[id];
  }
  if (Object.keys(hits).length === 0) return;
  for (const testId of testIds(suite)) mergeHits((coverage().perTest[testId] ??= {}), hits);
});

/** Test ids as Stryker's vitest runner writes them: `<file path>#<suite names> <test name>`. */
function testIds(suite: RunnerTestSuite): string[] {
  const ids: string[] = [];
  const visit = (task: RunnerTask): void => {
    if (task.type === 'suite') task.tasks.forEach(visit);
    // Skipped tests (k6 absent) are not in Stryker's results: crediting them would only warn.
    else if (task.mode === 'run' || task.mode === 'only') ids.push(`${task.file.filepath}#${fullName(task)}`);
  };
  suite.tasks.forEach(visit);
  return ids;
}

function fullName(task: RunnerTask): string {
  const parts = [task.name];
  for (let s = task.suite; s !== undefined; s = s.suite) parts.unshift(s.name);
  return parts.join(' ').trim();
}
