import { describe, expect, it } from 'vitest';
import { ContractValidator, listSchemaFiles, loadSchemas } from '../../src/contract/index.js';

const v = new ContractValidator();

describe('schemas/', () => {
  it('every schema compiles in ajv strict mode and declares draft 2020-12', () => {
    for (const { file, schema } of loadSchemas()) {
      expect(schema.$schema, file).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => v.compile(file)).not.toThrow();
    }
    expect(listSchemaFiles().length).toBeGreaterThanOrEqual(8);
  });

  it("accepts the docs' own example bodies", () => {
    const request = {
      workflowId: '12345',
      version: 1,
      input: { 'First Name': 'John', Age: 30 },
      conversationId: '67890',
    };
    expect(v.validate('execute-request.schema.json', request).valid).toBe(true);
    expect(
      v.validate('execute-response.schema.json', {
        conversationId: '67890',
        output: { 'Analysis Results': 'Detailed findings from the analysis', 'Risk Score': 85 },
        creditUsage: 10,
      }).valid,
    ).toBe(true);
    expect(
      v.validate('background-response.schema.json', { conversationId: '67890', creditUsage: 0 }).valid,
    ).toBe(true);
    expect(
      v.validate('get-conversation-request.schema.json', { workflowId: '12345', conversationId: '67890' })
        .valid,
    ).toBe(true);
    expect(v.validate('error-body.schema.json', { error: 'Error message' }).valid).toBe(true);
  });

  it('names the pointer of a renamed or mistyped field', () => {
    const renamed = v.validate('execute-response.schema.json', {
      conversationId: 'c',
      output: {},
      credit_usage: 1,
    });
    expect(renamed.valid).toBe(false);
    expect(renamed.errors[0]).toMatchObject({
      keyword: 'required',
      params: { missingProperty: 'creditUsage' },
    });
    const mistyped = v.validate('execute-response.schema.json', {
      conversationId: 'c',
      output: {},
      creditUsage: '10',
    });
    expect(mistyped.errors[0]).toMatchObject({ instancePath: '/creditUsage', keyword: 'type' });
  });

  it('rejects an error body in another shape', () => {
    expect(v.validate('error-body.schema.json', { message: 'nope' }).valid).toBe(false);
    expect(v.validate('error-body.schema.json', 'Unauthorized').valid).toBe(false);
  });

  it('marks the undocumented conversation body as such', () => {
    const conv = loadSchemas().find((s) => s.file === 'conversation.schema.json');
    expect(conv?.schema['x-documented']).toBe(false);
  });
});
