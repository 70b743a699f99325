import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// Stryker's own matcher: the globs below are read by it, not by vitest.
import { FileMatcher } from '../../node_modules/@stryker-mutator/core/dist/src/config/file-matcher.js';
import { MODULE_RUNS } from '../../scripts/mutation-modules.js';
import { MODULES } from '../../scripts/mutation-table.js';

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) =>
    relative(ROOT, join(ROOT, dir, f)),
  );
}

const matching = (pattern: string, files: readonly string[]): string[] =>
  files.filter((f) => new FileMatcher(pattern, false).matches(f));

describe('npm run mutation: the module table (scripts/mutation-modules.ts)', () => {
  const sources = [...filesUnder('src'), ...filesUnder('contracts')];
  const tests = filesUnder('test');

  it('covers every module docs/mutation.md scores, each glob naming files that exist', () => {
    const mutated = Object.values(MODULE_RUNS).map((r) => r.mutate.replace('/**/*.ts', ''));
    expect(mutated.sort()).toEqual([...MODULES].sort());
    for (const [module, run] of Object.entries(MODULE_RUNS)) {
      expect(matching(run.mutate, sources).length, `${module}: ${run.mutate}`).toBeGreaterThan(0);
      for (const pattern of [...run.tests, ...(run.slowTests ?? [])])
        expect(matching(pattern, tests).length, `${module}: ${pattern}`).toBeGreaterThan(0);
    }
  });

  it('keeps the slow files out of the default set and names each of them in --with-slow-tests', () => {
    for (const [module, run] of Object.entries(MODULE_RUNS)) {
      const fast = new Set(run.tests.flatMap((p) => matching(p, tests)));
      for (const pattern of run.slowTests ?? []) {
        const slow = matching(pattern, tests);
        expect(
          slow.filter((f) => fast.has(f)),
          `${module}: ${pattern}`,
        ).toEqual([]);
      }
    }
    // The module's own test folder is split in two, nothing lost: fast + slow = every test file there.
    const load = MODULE_RUNS.load;
    if (load === undefined) throw new Error('MODULE_RUNS has no load module');
    const all = tests.filter((f) => /^test\/load\/[^/]+\.test\.ts$/.test(f));
    const split = [...load.tests, ...(load.slowTests ?? [])].flatMap((p) => matching(p, all));
    expect(split.sort()).toEqual(all.sort());
  });
});
