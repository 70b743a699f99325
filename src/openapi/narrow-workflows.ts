import { componentSchema } from '../contract/index.js';
import type { TargetProfile, Workflow } from '../types/generated/target-profile.js';

type Json = Record<string, unknown>;

/** Where the narrowed schemas live in the document, and what each body's media type refers to. */
export interface NarrowedSchemas {
  /** `components.schemas` entries. */
  readonly components: Record<string, Json>;
  /** The request body schema of both execute endpoints. */
  readonly executeRequest: Json;
  /** The executeWorkflow 200 body schema. */
  readonly executeResponse: Json;
}

const local = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Every component of the workflow present with its type, on top of the generic WorkflowInput/Output. */
function components(generic: Json, declared: Workflow['inputComponents']): Json {
  return {
    allOf: [generic],
    type: 'object',
    required: Object.keys(declared),
    properties: Object.fromEntries(Object.entries(declared).map(([id, type]) => [id, componentSchema(type)])),
  };
}

/**
 * `input` and `output` narrowed to the profile's workflows. Each schema is the generic one from
 * schemas/ by `$ref` (`ref`), composed with what the profile adds: the workflow's id and version, and
 * its components' types (the same composition the checks validate with, contracts/kit). A request
 * is execute-request.schema.json and one of the workflows, told apart by `workflowId` (a
 * discriminator when no two roles share an id); execute-request.schema.json is referred to once,
 * outside the `oneOf`: tools that inline it (Prism) otherwise meet its `$id` three times and give
 * up on the schema. A response names no workflow, so its `output` is any of theirs.
 */
export function narrowWorkflows(profile: TargetProfile, ref: (file: string) => Json): NarrowedSchemas {
  const roles = Object.entries(profile.workflows).filter(
    (entry): entry is [string, Workflow] => entry[1] !== undefined,
  );
  const schemas: Record<string, Json> = {};
  for (const [role, wf] of roles) {
    const about = `workflow ${wf.workflowId} v${wf.version} (the profile's ${role} workflow)`;
    schemas[`${role}Input`] = {
      description: `The input of ${about}.`,
      ...components(ref('common.schema.json#/$defs/WorkflowInput'), wf.inputComponents),
    };
    schemas[`${role}Output`] = {
      description: `The output of ${about}.`,
      ...components(ref('common.schema.json#/$defs/WorkflowOutput'), wf.outputComponents),
    };
    schemas[`${role}Execution`] = {
      description: `An execution of ${about}.`,
      type: 'object',
      required: ['workflowId'],
      properties: {
        workflowId: { const: wf.workflowId },
        version: { const: wf.version },
        input: local(`${role}Input`),
      },
    };
  }
  const ids = roles.map(([, wf]) => wf.workflowId);
  const unique = new Set(ids).size === ids.length;
  schemas.ExecuteRequest = {
    description: `An execution of one of target "${profile.name}"'s workflows.`,
    allOf: [
      ref('execute-request.schema.json'),
      {
        oneOf: roles.map(([role]) => local(`${role}Execution`)),
        ...(unique
          ? {
              discriminator: {
                propertyName: 'workflowId',
                mapping: Object.fromEntries(
                  roles.map(([role, wf]) => [wf.workflowId, `#/components/schemas/${role}Execution`]),
                ),
              },
            }
          : {}),
      },
    ],
  };
  schemas.ExecuteResponse = {
    description: `The answer to an execution of one of target "${profile.name}"'s workflows: the response does not name its workflow, so its output is any of theirs.`,
    allOf: [ref('execute-response.schema.json')],
    type: 'object',
    properties: { output: { anyOf: roles.map(([role]) => local(`${role}Output`)) } },
  };
  return {
    components: schemas,
    executeRequest: local('ExecuteRequest'),
    executeResponse: local('ExecuteResponse'),
  };
}
