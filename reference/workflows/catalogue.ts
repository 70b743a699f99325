import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverExports } from '../discover.js';
import type { WorkflowDefinition } from './workflow.js';

async function discover(): Promise<readonly WorkflowDefinition[]> {
  const modules = await discoverExports<readonly WorkflowDefinition[]>(
    [dirname(fileURLToPath(import.meta.url))],
    /\.workflow\.(ts|js)$/,
    'workflows',
  );
  const all = modules.flatMap((m) => m.value);
  const seen = new Set<string>();
  for (const wf of all) {
    const key = catalogueKey(wf.id, wf.version);
    if (seen.has(key)) throw new Error(`workflow ${key} is declared twice in reference/workflows/`);
    seen.add(key);
  }
  return Object.freeze(all);
}

export function catalogueKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/** Every workflow version in reference/workflows/*.workflow.ts, loaded once. */
export const CATALOGUE: readonly WorkflowDefinition[] = await discover();
