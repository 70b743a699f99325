import type { ComponentType } from '../../src/types/generated/target-profile.js';
import type { WorkflowDefinition } from './workflow.js';

const SHORTHAND: Readonly<Record<string, object>> = {
  text: { type: 'string' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  array: { type: 'array' },
  any: {},
};

export function componentSchema(type: ComponentType): object {
  return typeof type === 'string' ? (SHORTHAND[type] ?? {}) : type;
}

/** JSON Schema of a workflow's input: its components, required unless optional, nothing else. */
export function inputSchema(wf: WorkflowDefinition): object {
  const optional = new Set(wf.optionalInputs ?? []);
  return {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(wf.inputComponents).map(([name, type]) => [name, componentSchema(type)]),
    ),
    required: Object.keys(wf.inputComponents).filter((name) => !optional.has(name)),
    additionalProperties: false,
  };
}
