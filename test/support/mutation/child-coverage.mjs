// `npm run mutation` only (NODE_OPTIONS --import, set by mutant-env.ts): a Node process a test
// spawned leaves the mutant hits it counted in the coverage folder when it exits, so the test
// that spawned it is credited with them. Plain JavaScript: it loads before anything is compiled.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.HARNESS_MUTATION_COVERAGE_DIR;
if (dir !== undefined) {
  process.on('exit', () => {
    const coverage = globalThis.__stryker__?.mutantCoverage;
    if (coverage === undefined) return;
    const hits = { ...coverage.static };
    for (const perTest of Object.values(coverage.perTest))
      for (const [id, n] of Object.entries(perTest)) hits[id] = (hits[id] ?? 0) + n;
    if (Object.keys(hits).length === 0) return;
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${process.pid}-child.json`);
    writeFileSync(`${path}.tmp`, JSON.stringify(hits));
    renameSync(`${path}.tmp`, path);
  });
}
