import { describe, expect, it } from 'vitest';
import { applyMutation, requestMutations, requestRules } from '../../contracts/kit/request-mutations.js';

/**
 * The invalid-input checks send one broken execute body per way the schema can be broken: a
 * mutation list that misses a field or a type leaves a hole in what verify tests, and one that
 * sends a valid value as "invalid" reports a false failure.
 */
describe('requestMutations', () => {
  it('execute-request.schema.json: every required field missing, then every disallowed JSON type', () => {
    const got = requestMutations().map((m) => [m.field, m.kind, m.value]);
    const wrongTypes = (field: string, allowed: string): unknown[][] =>
      (
        [
          ['string', 'harness'],
          ['number', 7],
          ['boolean', true],
          ['null', null],
          ['object', { harness: 1 }],
          ['array', ['harness']],
        ] as const
      )
        .filter(([kind]) => kind !== allowed)
        .map(([kind, value]) => [field, kind, value]);
    expect(got).toEqual([
      ['workflowId', 'missing', undefined],
      ['version', 'missing', undefined],
      ['input', 'missing', undefined],
      ...wrongTypes('workflowId', 'string'),
      ['workflowId', 'empty string', ''],
      ...wrongTypes('version', 'number'),
      ...wrongTypes('input', 'object'),
      ...wrongTypes('conversationId', 'string'),
      ['conversationId', 'empty string', ''],
    ]);
  });

  it('an integer or nullable field gets no number or null mutation (7 and null are valid there)', () => {
    const status = requestMutations('contract-failure.schema.json')
      .filter((m) => m.field === 'status')
      .map((m) => m.kind);
    expect(status).toEqual(['missing', 'string', 'boolean', 'object', 'array']);
  });

  it('a field with no single JSON type (anyOf) gets no wrong-type mutation: any value might be valid', () => {
    const fields = requestMutations('target-profile.schema.json').map((m) => m.field);
    expect(fields).toContain('polling');
    expect(fields).not.toContain('maxCredits');
  });
});

describe('requestRules', () => {
  it('follows $refs into common.schema.json and within the same file', () => {
    const rules = requestRules();
    expect(rules.required).toEqual(['workflowId', 'version', 'input']);
    expect(rules.properties.find((p) => p.field === 'version')).toStrictEqual({
      field: 'version',
      types: ['number'],
    });
    expect(rules.properties.find((p) => p.field === 'workflowId')).toEqual({
      field: 'workflowId',
      types: ['string'],
      minLength: 1,
    });
    const profile = requestRules('target-profile.schema.json');
    expect(profile.properties.find((p) => p.field === 'apiKeyEnv')?.types).toEqual(['string']);
    expect(profile.properties.find((p) => p.field === 'polling')?.types).toEqual(['object']);
    // A field typed only through anyOf has no single type to break.
    expect(profile.properties.find((p) => p.field === 'maxCredits')?.types).toEqual([]);
  });

  it('a schema with no required list or properties has no rules', () => {
    const rules = requestRules('har.schema.json');
    expect(rules.required).toEqual(['log']);
    expect(requestRules('accepted-findings.schema.json').properties.map((p) => p.field)).toEqual([
      '$schema',
      'accepted',
    ]);
  });

  it('names a schema file that does not exist', () => {
    expect(() => requestRules('nope.schema.json')).toThrow('schemas/nope.schema.json not found');
  });
});

describe('applyMutation', () => {
  it('removes a missing field, sets a wrong value, and leaves the original body intact', () => {
    const body = { workflowId: 'a', version: 1 };
    expect(applyMutation(body, { field: 'version', kind: 'missing' })).toEqual({ workflowId: 'a' });
    expect(applyMutation(body, { field: 'version', kind: 'string', value: 'harness' })).toEqual({
      workflowId: 'a',
      version: 'harness',
    });
    expect(applyMutation(body, { field: 'version', kind: 'null', value: null })).toEqual({
      workflowId: 'a',
      version: null,
    });
    expect(body).toEqual({ workflowId: 'a', version: 1 });
  });
});
