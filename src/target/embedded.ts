import type { FaultInfo, RunningReference } from '../../reference/index.js';
import { registerSecret } from '../secrets/index.js';
import type { ResolvedTarget } from './types.js';

export interface EmbeddedOptions {
  readonly timeScale: number;
  readonly faults: readonly string[];
  readonly seed?: number;
  /** Added to every execution (tests of the response-time bound). */
  readonly extraLatencyMs?: number;
}

// Imported lazily: verifying a remote target never loads fastify and the reference's catalogue.
const reference = () => import('../../reference/index.js');

export async function listReferenceFaults(): Promise<readonly FaultInfo[]> {
  return (await reference()).listFaults();
}

/** Starts the embedded reference deployment on a free loopback port (unknown faults: HARNESS_ERR_UNKNOWN_FAULT). */
export async function startEmbedded(options: EmbeddedOptions): Promise<ResolvedTarget> {
  const ref: RunningReference = await (await reference()).startReference({ port: 0, ...options });
  for (const key of [ref.keys.full, ref.keys.noPermission, ref.keys.noCredits]) registerSecret(key);
  return {
    profile: ref.profile(),
    keys: { main: ref.keys.full, noPermission: ref.keys.noPermission, noCredits: ref.keys.noCredits },
    embedded: true,
    guessed: [],
    stop: async () => {
      await ref.close();
    },
  };
}

export type { FaultInfo };
