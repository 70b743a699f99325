import { inject } from 'vitest';
import type { EndpointName, GuessedPart, TargetKeys, TargetProfile } from '../../src/target/index.js';

/**
 * What `harness verify` hands the checks through vitest's `provide`: the target, its
 * keys (kept in memory, never written to a file) and the run's seed.
 */
export interface CheckTarget {
  readonly profile: TargetProfile;
  readonly keys: TargetKeys;
  readonly embedded: boolean;
  readonly guessed: readonly GuessedPart[];
  readonly seed: number;
  /** config.requestTimeoutMs: the bound on each check request (absent = the kit's default). */
  readonly requestTimeoutMs?: number;
  /** `--har`: the folder each worker spools its exchanges to (src/har), merged by the parent. */
  readonly harSpoolDir?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    harnessTarget: CheckTarget;
  }
}

export function getTarget(): CheckTarget {
  const target = inject('harnessTarget');
  if (target === undefined)
    throw new Error(
      'contracts/ run without a target: run them through `harness verify` (src/verify), not plain vitest',
    );
  return target;
}

export type { EndpointName, TargetProfile };
