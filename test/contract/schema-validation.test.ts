import type { ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { schemaLocation, validateBody, validator } from '../../contracts/kit/validator.js';
import { SCHEMA_BASE } from '../../src/contract/index.js';

/**
 * Every body a check judges goes through validateBody, and every schema failure names its rule
 * through schemaLocation: a wrong verdict here is a wrong verdict in every check.
 */
function errorAt(schemaPath: string): ErrorObject {
  return { instancePath: '', schemaPath, keyword: 'type', params: {}, message: 'must be string' };
}

describe('validateBody', () => {
  it('judges a body against a schema file of schemas/ by name', () => {
    expect(validateBody('error-body.schema.json', { error: 'no' })).toEqual([]);
    const errors = validateBody('error-body.schema.json', { message: 'no' });
    expect(errors.map((e) => e.keyword)).toContain('required');
  });

  it('judges a body against an inline schema, the same schema again with the same verdicts', () => {
    const schema = { type: 'object', required: ['n'], properties: { n: { type: 'number' } } };
    expect(validateBody(schema, { n: 1 })).toEqual([]);
    expect(validateBody(schema, { n: 'one' }).map((e) => [e.instancePath, e.keyword])).toEqual([
      ['/n', 'type'],
    ]);
    // A second, equal schema object (another check composing the same workflow) reads the same.
    expect(validateBody({ ...schema }, {}).map((e) => e.keyword)).toEqual(['required']);
    expect(validateBody({ ...schema }, { n: 2 })).toEqual([]);
  });

  it('keeps the errors of one body when the next one is judged', () => {
    const schema = { type: 'string' };
    const first = validateBody(schema, 1);
    validateBody(schema, 'fine');
    expect(first).toHaveLength(1);
  });

  it('one validator per worker, so schema files are compiled once', () => {
    expect(validator()).toBe(validator());
  });
});

describe('schemaLocation', () => {
  it("an inline schema's rule carries the caller's label", () => {
    expect(schemaLocation('workflows.fast.outputComponents', errorAt('#/properties/x/type'))).toBe(
      'workflows.fast.outputComponents#/properties/x/type',
    );
  });

  it('a rule of a schema file is named by that file, without the base URL', () => {
    expect(schemaLocation('label', errorAt(`${SCHEMA_BASE}common.schema.json#/$defs/CreditUsage/type`))).toBe(
      'common.schema.json#/$defs/CreditUsage/type',
    );
    expect(schemaLocation('label', errorAt('common.schema.json#/$defs/X/type'))).toBe(
      'common.schema.json#/$defs/X/type',
    );
  });
});
