import { describe, expect, it } from 'vitest';
import {
  ABSENT,
  Findings,
  applyMutation,
  executeResponseSchema,
  getPointer,
  requestMutations,
  schemaLocation,
  validateBody,
  workflowInputSchema,
  wrongValueFor,
} from '../../contracts/kit/index.js';

const fast = {
  workflowId: '12345',
  version: 1,
  sampleInput: { 'First Name': 'John', Age: 30 },
  inputComponents: { 'First Name': 'text', Age: 'number' } as const,
  outputComponents: { 'Analysis Results': 'text', 'Risk Score': 'number' } as const,
};

describe('contracts kit', () => {
  it('derives invalid request bodies from execute-request.schema.json', () => {
    const m = requestMutations().map((x) => `${x.field}:${x.kind}`);
    for (const expected of [
      'workflowId:missing',
      'version:missing',
      'input:missing',
      'workflowId:number',
      'workflowId:empty string',
      'version:string',
      'input:array',
      'input:null',
    ]) {
      expect(m).toContain(expected);
    }
    expect(m).not.toContain('version:number');
    expect(m).not.toContain('input:object');
    expect(m).not.toContain('conversationId:missing');
    expect(applyMutation({ workflowId: 'a', version: 1 }, { field: 'version', kind: 'missing' })).toEqual({
      workflowId: 'a',
    });
  });

  it('composes the workflow output components with execute-response.schema.json', () => {
    const schema = executeResponseSchema(fast);
    expect(
      validateBody(schema, {
        conversationId: 'c',
        creditUsage: 10,
        output: { 'Analysis Results': 'x', 'Risk Score': 3 },
      }),
    ).toEqual([]);
    const missing = validateBody(schema, {
      conversationId: 'c',
      creditUsage: 10,
      output: { 'Analysis Results': 'x' },
    });
    expect(missing.map((e) => [e.instancePath, e.keyword])).toEqual([['/output', 'required']]);
    const mistyped = validateBody(schema, {
      conversationId: 'c',
      creditUsage: '10',
      output: { 'Analysis Results': 'x', 'Risk Score': 3 },
    });
    expect(mistyped.map((e) => e.instancePath)).toEqual(['/creditUsage']);
    expect(
      validateBody(workflowInputSchema(fast), { 'First Name': 'J', Age: 'thirty' }).map(
        (e) => e.instancePath,
      ),
    ).toEqual(['/Age']);
  });

  it('picks a value of another type for each typed component, none for "any"', () => {
    expect(typeof wrongValueFor('text')).not.toBe('string');
    expect(typeof wrongValueFor('number')).not.toBe('number');
    expect(typeof wrongValueFor({ type: 'number', minimum: 0 })).not.toBe('number');
    expect(wrongValueFor('any')).toBeUndefined();
  });

  it('renders a failure as "Received: X / Documented: Y", quoting received strings', () => {
    const findings = new Findings('demo');
    findings.fail({
      code: 'SCHEMA_VIOLATION',
      endpoint: 'executeWorkflow',
      instancePath: '/creditUsage',
      schemaPath: 'x',
      received: '10',
      documented: 'type number',
    });
    findings.fail({
      code: 'SCHEMA_VIOLATION',
      endpoint: 'executeWorkflow',
      instancePath: '/output/Risk Score',
      schemaPath: 'x',
      received: undefined,
      documented: 'required property "Risk Score"',
    });
    findings.fail({
      code: 'WRONG_STATUS',
      endpoint: 'getConversationById',
      status: 500,
      schemaPath: 'status',
      received: 500,
      documented: 404,
    });
    expect(findings.failures.map((f) => f.message)).toEqual([
      'executeWorkflow /creditUsage: Received: "10" / Documented: type number',
      `executeWorkflow /output/Risk Score: Received: ${ABSENT} / Documented: required property "Risk Score"`,
      'getConversationById status: Received: 500 / Documented: 404',
    ]);
    expect(findings.failures[2]).toMatchObject({ check: 'demo', status: 500, instancePath: '' });
  });

  it('bounds what a failure quotes from a huge body', () => {
    const findings = new Findings('demo');
    findings.fail({
      code: 'NOT_JSON',
      endpoint: 'executeWorkflow',
      schemaPath: 'x',
      received: 'y'.repeat(100_000),
      documented: 'JSON',
    });
    expect(JSON.stringify(findings.failures[0]?.received).length).toBeLessThan(400);
  });

  it('names the rule of a referenced schema file by that file, the inline one by its label', () => {
    const label = 'execute-response.schema.json+workflows.fast.outputComponents';
    const rules = (body: unknown): string[] =>
      validateBody(executeResponseSchema(fast), body).map((e) => schemaLocation(label, e));
    // creditUsage's rule lives in common.schema.json (reached through execute-response.schema.json).
    expect(
      rules({ conversationId: 'c', output: { 'Analysis Results': 'x', 'Risk Score': 1 }, creditUsage: '10' }),
    ).toEqual(['common.schema.json#/$defs/CreditUsage/type']);
    // A missing output component is the inline (profile-narrowed) schema's rule.
    expect(rules({ conversationId: 'c', output: { 'Analysis Results': 'x' }, creditUsage: 1 })).toEqual([
      `${label}#/properties/output/required`,
    ]);
  });

  it('reads RFC 6901 pointers', () => {
    const doc = { a: { 'b/c': [1, { 'd~e': 2 }] } };
    expect(getPointer(doc, '/a/b~1c/1/d~0e')).toBe(2);
    expect(getPointer(doc, '/a/missing/x')).toBeUndefined();
    expect(getPointer(doc, '')).toBe(doc);
  });
});
