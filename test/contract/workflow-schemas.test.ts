import { describe, expect, it } from 'vitest';
import { validateBody } from '../../contracts/kit/validator.js';
import {
  componentSchema,
  executeResponseSchema,
  workflowInputSchema,
  workflowOutputSchema,
  wrongValueFor,
} from '../../contracts/kit/workflow-schema.js';
import { FAST } from '../support/fake-check.js';

/**
 * The profile's workflow narrows the generic input/output schemas: each declared component must
 * be there with its type, extra ones are allowed; the "input does not match" checks send a value
 * the component refuses.
 */
const paths = (schema: object, body: unknown): string[][] =>
  validateBody(schema, body).map((e) => [e.instancePath, e.keyword]);

describe('workflow schemas', () => {
  it('the input schema requires every input component with its type', () => {
    const schema = workflowInputSchema(FAST);
    expect(paths(schema, { 'First Name': 'J', Age: 3, extra: true })).toEqual([]);
    expect(paths(schema, { 'First Name': 'J' })).toEqual([['', 'required']]);
    expect(paths(schema, { 'First Name': 1, Age: 3 })).toEqual([['/First Name', 'type']]);
    expect(paths(schema, [])).toContainEqual(['', 'type']);
  });

  it('the output schema requires every output component, not the input ones', () => {
    const schema = workflowOutputSchema(FAST);
    expect(paths(schema, { 'Analysis Results': 'x', 'Risk Score': 1 })).toEqual([]);
    expect(paths(schema, { 'First Name': 'J', Age: 3 })).toHaveLength(2);
  });

  it("the execute response is the documented one with output narrowed to the workflow's", () => {
    const schema = executeResponseSchema(FAST);
    const output = { 'Analysis Results': 'x', 'Risk Score': 1 };
    expect(paths(schema, { conversationId: 'c', creditUsage: 0, output })).toEqual([]);
    expect(paths(schema, { creditUsage: 0, output })).toEqual([['', 'required']]);
    expect(paths(schema, { conversationId: 'c', creditUsage: 0, output: { 'Risk Score': 'high' } })).toEqual([
      ['/output', 'required'],
      ['/output/Risk Score', 'type'],
    ]);
    expect(paths(schema, 'text')).toContainEqual(['', 'type']);
  });
});

describe('wrongValueFor', () => {
  it('a value each typed component refuses', () => {
    const types: Parameters<typeof wrongValueFor>[0][] = [
      'text',
      'number',
      'boolean',
      'object',
      'array',
      { type: 'integer', minimum: 0 },
      { type: 'string' },
    ];
    for (const type of types) {
      const schema = { type: 'object', properties: { c: componentSchema(type) } };
      expect(validateBody(schema, { c: wrongValueFor(type) }), JSON.stringify(type)).not.toEqual([]);
    }
    expect(wrongValueFor('text')).toBe(12345);
    expect(wrongValueFor('number')).toEqual({ not: 'a number' });
    expect(wrongValueFor({ type: 'integer' })).toEqual({ not: 'a integer' });
    expect(wrongValueFor('boolean')).toEqual({ not: 'a boolean' });
    expect(wrongValueFor('array')).toEqual({ not: 'a array' });
  });

  it('none for a component that accepts anything', () => {
    expect(wrongValueFor('any')).toBeUndefined();
    expect(wrongValueFor({ minimum: 0 })).toBeUndefined();
    expect(wrongValueFor({ type: ['string', 'number'] })).toBeUndefined();
  });
});
