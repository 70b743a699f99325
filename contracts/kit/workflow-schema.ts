import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { componentSchema, SCHEMA_BASE } from '../../src/contract/index.js';
import type { TargetProfile } from '../../src/target/index.js';

export { componentSchema };

type Workflow = TargetProfile['workflows']['fast'];
type ComponentType = Workflow['inputComponents'][string];

/** Every declared component present with its type, composed with the generic WorkflowInput/Output. */
function componentsSchema(
  generic: 'WorkflowInput' | 'WorkflowOutput',
  components: Workflow['inputComponents'],
): AnySchemaObject {
  return {
    allOf: [{ $ref: `${SCHEMA_BASE}common.schema.json#/$defs/${generic}` }],
    type: 'object',
    required: Object.keys(components),
    properties: Object.fromEntries(
      Object.entries(components).map(([name, type]) => [name, componentSchema(type)]),
    ),
  };
}

export const workflowInputSchema = (wf: Workflow): AnySchemaObject =>
  componentsSchema('WorkflowInput', wf.inputComponents);
export const workflowOutputSchema = (wf: Workflow): AnySchemaObject =>
  componentsSchema('WorkflowOutput', wf.outputComponents);

/** execute-response.schema.json with `output` narrowed to the workflow's output components. */
export function executeResponseSchema(wf: Workflow): AnySchemaObject {
  return {
    allOf: [{ $ref: `${SCHEMA_BASE}execute-response.schema.json` }],
    type: 'object',
    properties: { output: workflowOutputSchema(wf) },
  };
}

/**
 * A value of a different JSON type than the component's, for "input does not match"
 * requests; undefined when the component accepts anything ('any', untyped schema).
 */
export function wrongValueFor(type: ComponentType): unknown {
  const t = typeof type === 'object' ? (type as { type?: unknown }).type : type;
  if (t === undefined || t === 'any' || Array.isArray(t)) return undefined;
  if (t === 'number' || t === 'integer' || t === 'boolean' || t === 'array') return { not: `a ${String(t)}` };
  return 12345;
}
