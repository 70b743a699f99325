import type { ComponentType } from '../../src/types/generated/target-profile.js';
import { CATALOGUE } from './catalogue.js';
import type { WorkflowDefinition } from './workflow.js';

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

/** One entry per workflow version in reference/workflows/ (no server loaded: `harness serve --list-workflows`). */
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
