import { registerSecret } from '../secrets/index.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import type { ResolvedTarget } from './types.js';

export interface ReferenceOptions {
  readonly port: number;
  readonly timeScale: number;
  readonly faults: readonly string[];
  readonly seed?: number;
}

/** What reference/index.ts offers (its own module; imported lazily so `verify --target URL` never loads fastify). */
export interface ReferenceHandle {
  readonly url: string;
  readonly keys: { readonly full: string; readonly noPermission: string; readonly noCredits: string };
  profile(): TargetProfile;
  keyEnv(): Record<string, string>;
  close(): Promise<void>;
}
export interface FaultInfo {
  readonly name: string;
  readonly title: string;
  readonly violates: string;
}
interface ReferenceModule {
  startReference(options: ReferenceOptions): Promise<ReferenceHandle>;
  listFaults(): readonly FaultInfo[];
}

// A computed specifier: reference/ is built in parallel and may be absent from a checkout
// that only verifies remote targets; the failure then names what is missing.
const REFERENCE_MODULE = '../../reference/index.js';

async function referenceModule(): Promise<ReferenceModule> {
  return (await import(REFERENCE_MODULE)) as ReferenceModule;
}

export async function listReferenceFaults(): Promise<readonly FaultInfo[]> {
  return (await referenceModule()).listFaults();
}

/** Starts the embedded reference deployment on a free loopback port. */
export async function startEmbedded(options: Omit<ReferenceOptions, 'port'>): Promise<ResolvedTarget> {
  const ref = await (await referenceModule()).startReference({ port: 0, ...options });
  for (const key of Object.values(ref.keys)) registerSecret(key);
  return {
    profile: ref.profile(),
    keys: { main: ref.keys.full, noPermission: ref.keys.noPermission, noCredits: ref.keys.noCredits },
    embedded: true,
    guessed: [],
    stop: () => ref.close(),
  };
}
