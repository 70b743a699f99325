// `harness openapi` narrows input/output to the profile's workflows, with schemas/ by $ref: the
// narrowed schemas, compiled with the contract's own ajv, accept the profile's executions and
// reject what the generic contract lets through (a missing output component, a wrong version).
import { describe, expect, it } from 'vitest';
import { ContractValidator, SCHEMA_BASE } from '../../src/contract/index.js';
import { buildOpenApiDocument } from '../../src/openapi/index.js';
import { loadProfile } from '../../src/target/index.js';

type Json = Record<string, unknown>;
const profile = loadProfile('example-staging');
const build = (narrow?: boolean): Json =>
  buildOpenApiDocument(profile, { schemasBase: '../schemas', version: '0', narrow });
const validator = new ContractValidator();

/** The document's components as one ajv schema: file $refs by the schemas' $id, local ones into $defs. */
function compiled(doc: Json, name: string): (data: unknown) => boolean {
  const components = (doc.components as { schemas: Json }).schemas;
  const text = JSON.stringify(components)
    .replaceAll('"../schemas/', `"${SCHEMA_BASE}`)
    .replaceAll('"#/components/schemas/', '"#/$defs/');
  const defs = JSON.parse(text, (key, value: unknown) => (key === 'discriminator' ? undefined : value)) as Json;
  const fn = validator.compile({ $id: `https://openapi.invalid/${name}`, $defs: defs, $ref: `#/$defs/${name}` });
  return (data) => fn(data);
}

const fast = profile.workflows.fast;
const sample = { workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput };
const fastOutput = { 'Analysis Results': 'ok', 'Risk Score': 3 };

describe('harness openapi narrows input/output to the profile’s workflows', () => {
  it('an execution request is one of the workflows, told apart by workflowId', () => {
    const doc = build();
    const request = compiled(doc, 'ExecuteRequest');
    expect(request(sample)).toBe(true);
    expect(request({ ...sample, conversationId: 'c1' })).toBe(true);
    expect(request({ ...sample, version: 99 })).toBe(false);
    expect(request({ ...sample, workflowId: 'unknown' })).toBe(false);
    expect(request({ ...sample, input: { ...fast.sampleInput, Age: 'thirty' } })).toBe(false);
    expect(request({ ...sample, input: { Age: 30 } })).toBe(false);
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    const [contract, oneOfWorkflows] = schemas.ExecuteRequest?.allOf as Json[];
    // The contract itself is referred to, not copied.
    expect(contract).toEqual({ $ref: '../schemas/execute-request.schema.json' });
    // Once only: a tool that inlines it (Prism) gives up on a schema holding its `$id` twice.
    expect(JSON.stringify(schemas).split('execute-request.schema.json')).toHaveLength(2);
    expect(oneOfWorkflows?.discriminator).toEqual({
      propertyName: 'workflowId',
      mapping: {
        '12345': '#/components/schemas/fastExecution',
        slow: '#/components/schemas/slowExecution',
        chat: '#/components/schemas/conversationalExecution',
      },
    });
  });

  it('a response’s output is one of the workflows’ outputs: a missing component fails', () => {
    const response = compiled(build(), 'ExecuteResponse');
    const body = { conversationId: 'c1', output: fastOutput, creditUsage: 1 };
    expect(response(body)).toBe(true);
    expect(response({ ...body, output: { Reply: 'hi', Turn: 1 } })).toBe(true);
    const missing = { ...body, output: { 'Analysis Results': 'ok' } };
    expect(response(missing)).toBe(false);
    expect(response({ ...body, creditUsage: -1 })).toBe(false); // the contract's own rule, by $ref
    // The generic contract lets the missing component through: the narrowing is what catches it.
    expect(validator.validate('execute-response.schema.json', missing).valid).toBe(true);
  });

  it('narrow: false keeps the generic contract, with no schemas of its own', () => {
    const doc = build(false);
    expect((doc.components as Json).schemas).toBeUndefined();
    const execute = (doc.paths as Record<string, { post: Json }>)['/api/executeWorkflow']?.post;
    expect(JSON.stringify(execute)).toContain('"$ref":"../schemas/execute-request.schema.json"');
    expect(JSON.stringify(execute)).toContain('"$ref":"../schemas/execute-response.schema.json"');
  });
});
