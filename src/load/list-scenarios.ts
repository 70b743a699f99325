import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
// The file, not config/index.ts: `harness load --help` lists the scenarios and must stay light.
import { REPO_ROOT } from '../config/repo-root.js';

export const SCENARIOS_DIR = join(REPO_ROOT, 'scenarios');

/** Scenario entry points: scenarios/*.ts (lib/ and generated/ are imported, never run). */
export function listScenarios(dir: string = SCENARIOS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => basename(f, '.ts'))
    .sort();
}
