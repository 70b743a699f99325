import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The file, not config/index.ts, which loads ajv: main.ts loads this module for every `--help`.
import { REPO_ROOT } from '../config/repo-root.js';

/**
 * The reports folder: --reports-dir or HARNESS_REPORTS_DIR as given (relative to the working
 * directory, like any path typed by a person), otherwise <project root>/reports, so running
 * from a subfolder never scatters `reports/` folders.
 */
export function reportsDirFlag(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (flag !== undefined) return flag;
  return env.HARNESS_REPORTS_DIR ? undefined : join(REPO_ROOT, 'reports');
}

/** The resolved reports folder for commands that need nothing else from the config. */
export async function reportsDirOf(flag: string | undefined): Promise<string> {
  const { resolveConfig } = await import('../config/index.js');
  return resolveConfig({ flags: { reportsDir: reportsDirFlag(flag) } }).reportsDir;
}

/** package.json's version: `harness --version` and run.json's harnessVersion. */
export function harnessVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
