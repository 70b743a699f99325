import type { TargetProfile } from '../types/generated/target-profile.js';

/** The API keys of a target, read from the environment variables its profile names. */
export interface TargetKeys {
  readonly main: string;
  readonly noPermission?: string;
  readonly noCredits?: string;
}

/**
 * A deployment ready to be verified or loaded. `guessed` lists profile parts that
 * were not given but assumed (a bare URL knows no workflow): checks that need them
 * are skipped with that reason rather than run against a guess.
 */
export interface ResolvedTarget {
  readonly profile: Readonly<TargetProfile>;
  readonly keys: TargetKeys;
  /** True when the harness started the embedded reference deployment itself. */
  readonly embedded: boolean;
  readonly guessed: readonly GuessedPart[];
  /** True for a bare URL: no profile, so the preflight learns what it can (learn-workflow.ts). */
  readonly bare?: boolean;
  /** What the preflight learned or could not learn, printed before the checks. */
  readonly notes?: readonly string[];
  /** Stops what resolveTarget started (the embedded reference); a no-op otherwise. */
  stop(): Promise<void>;
}

export type GuessedPart = 'workflows.fast' | 'workflows.conversational';

export type { TargetProfile };
