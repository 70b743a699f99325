import type { ComponentType } from '../../src/types/generated/target-profile.js';
import type { Rng } from '../engine/prng.js';

export type WorkflowRole = 'fast' | 'slow' | 'conversational';

/** One earlier turn of the conversation, as a workflow sees it. */
export interface HistoryTurn {
  readonly input: Readonly<Record<string, unknown>>;
  readonly output: Readonly<Record<string, unknown>> | null;
  readonly status: string;
}

export interface RunContext {
  readonly input: Readonly<Record<string, unknown>>;
  /** Earlier turns of this conversation, oldest first (not including this one). */
  readonly history: readonly HistoryTurn[];
  readonly rng: Rng;
  /** How long this execution ran, unscaled (what the workflow would have taken at time scale 1). */
  readonly durationMs: number;
}

export interface RunResult {
  readonly output: Record<string, unknown> | null;
  readonly executionPath: readonly string[];
  readonly errors?: readonly string[];
  readonly warnings?: readonly string[];
  /** True when the execution ends with status 'failed'. */
  readonly failed?: boolean;
}

/**
 * One version of one demo workflow. Files named `*.workflow.ts` in this folder
 * export `workflows: readonly WorkflowDefinition[]` (the versions of one workflow)
 * and are discovered at load time: adding a workflow is dropping a file.
 */
export interface WorkflowDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** Role in the target profile; at most one version per role. */
  readonly role?: WorkflowRole;
  readonly inputComponents: Readonly<Record<string, ComponentType>>;
  /** Input components that may be omitted (all others are required). */
  readonly optionalInputs?: readonly string[];
  readonly outputComponents: Readonly<Record<string, ComponentType>>;
  readonly sampleInput: Readonly<Record<string, unknown>>;
  /** Inputs load scenarios cycle through (the profile's loadInputs); default: the sample alone. */
  readonly loadInputs?: readonly Readonly<Record<string, unknown>>[];
  /** Credits charged per execution. */
  readonly creditCost: number;
  /** Typical unscaled duration, for the profile's budgets. */
  readonly expectedDurationMs: number;
  /** Unscaled duration of one execution, drawn from this workflow's seeded stream. */
  durationMs(rng: Rng, input: Readonly<Record<string, unknown>>): number;
  run(ctx: RunContext): RunResult;
}
