import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../../src/errors/index.js';
import { discoverExports } from '../discover.js';
import type { FaultDefinition, FaultInfo } from './fault.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Contract faults live here; hostile transport behaviours in reference/hostile/, same shape. */
const DIRS = [HERE, join(HERE, '..', 'hostile')];

async function discover(): Promise<ReadonlyMap<string, FaultDefinition>> {
  const byName = new Map<string, FaultDefinition>();
  for (const { file, value } of await discoverExports<FaultDefinition>(DIRS, /\.fault\.(ts|js)$/, 'fault')) {
    if (byName.has(value.name)) throw new Error(`fault ${value.name} is declared twice (second in ${file})`);
    byName.set(value.name, value);
  }
  return byName;
}

export const FAULTS: ReadonlyMap<string, FaultDefinition> = await discover();

export function listFaults(): readonly FaultInfo[] {
  return [...FAULTS.values()].map(({ name, title, violates, needsProfile }) => ({
    name,
    title,
    violates,
    ...(needsProfile === undefined ? {} : { needsProfile }),
  }));
}

/** The definitions of the named faults; an unknown name is a user error that lists the known ones. */
export function resolveFaults(names: readonly string[]): readonly FaultDefinition[] {
  return [...new Set(names)].map((name) => {
    const fault = FAULTS.get(name);
    if (fault === undefined) {
      throw new HarnessError('HARNESS_ERR_UNKNOWN_FAULT', `unknown fault "${name}"`, {
        hint: `Known faults: ${[...FAULTS.keys()].join(', ')} (see \`harness serve --list-faults\`).`,
      });
    }
    return fault;
  });
}
