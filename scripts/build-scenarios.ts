// `npm run build:scenarios`: bundles scenarios/*.ts into dist/scenarios/ and prints each size.
import { relative } from 'node:path';
import { isHarnessError } from '../src/errors/index.js';
import { REPO_ROOT } from '../src/config/index.js';
import { buildScenarios } from '../src/load/build.js';

try {
  const bundles = await buildScenarios();
  for (const b of bundles)
    console.log(`${relative(REPO_ROOT, b.path).padEnd(40)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KiB`);
} catch (error) {
  if (!isHarnessError(error)) throw error;
  console.error(error.format());
  process.exit(2);
}
