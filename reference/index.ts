import { CATALOGUE, type WorkflowDefinition } from './workflows/index.js';
import type { ComponentType } from '../src/types/generated/target-profile.js';

export { startReference, type RunningReference } from './start-reference.js';
export type { DrainCount } from './engine/executor.js';
export type { ReferenceOptions } from './options.js';
export type { ReferenceKeys } from './engine/accounts.js';
export { listFaults, type FaultInfo, type FaultDefinition, type FaultHooks } from './faults/index.js';
export { KEY_ENV } from './profile.js';

export interface WorkflowInfo {
  readonly id: string;
  readonly version: number;
  /** Every version of this workflow id in the catalogue. */
  readonly versions: readonly number[];
  readonly title: string;
  readonly role?: WorkflowDefinition['role'];
  readonly inputComponents: Readonly<Record<string, ComponentType>>;
  readonly optionalInputs: readonly string[];
  readonly outputComponents: Readonly<Record<string, ComponentType>>;
  readonly sampleInput: Readonly<Record<string, unknown>>;
  readonly creditCost: number;
}

/** One entry per workflow version in reference/workflows/. */
export function listWorkflows(): readonly WorkflowInfo[] {
  return CATALOGUE.map((wf) => ({
    id: wf.id,
    version: wf.version,
    versions: CATALOGUE.filter((o) => o.id === wf.id).map((o) => o.version),
    title: wf.title,
    ...(wf.role === undefined ? {} : { role: wf.role }),
    inputComponents: wf.inputComponents,
    optionalInputs: wf.optionalInputs ?? [],
    outputComponents: wf.outputComponents,
    sampleInput: wf.sampleInput,
    creditCost: wf.creditCost,
  }));
}
