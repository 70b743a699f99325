import { componentSchema } from '../../src/contract/index.js';
import type { WorkflowDefinition } from './workflow.js';

export { componentSchema };

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
