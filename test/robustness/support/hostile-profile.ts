import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listWorkflows } from '../../../reference/index.js';

/**
 * Writes a target profile (into `dir`) that points one hostile mode's URL at the docs'
 * example workflow, with the key in `keyEnv`; returns its path for `config.target`.
 */
export function hostileProfile(dir: string, keyEnv: string, name: string, baseUrl: string): string {
  const example = listWorkflows().find((w) => w.id === '12345');
  if (example === undefined) throw new Error('the reference catalogue lost the docs example workflow');
  const file = join(dir, `${name}.json`);
  const fast = {
    workflowId: example.id,
    version: example.version,
    sampleInput: example.sampleInput,
    inputComponents: example.inputComponents,
    outputComponents: example.outputComponents,
  };
  writeFileSync(
    file,
    JSON.stringify({ name: `hostile-${name}`, baseUrl, apiKeyEnv: keyEnv, workflows: { fast } }),
  );
  return file;
}
