import { describe, expect, it } from 'vitest';
import {
  lengthsIgnoreUnicode,
  stripAnnotations,
  validatorsGenerator,
} from '../../scripts/generators/validators.js';
import * as validators from '../../scenarios/generated/validators.js';

// The k6 validators are generated for what a VU pays: these show that the savings change no verdict.
describe('scenario validators generator', () => {
  it('strips annotations at every depth but keeps validation keywords and enum/const values', () => {
    const schema = {
      title: 'T',
      description: 'd',
      'x-documented': false,
      type: 'object',
      properties: {
        a: { description: 'inner', type: 'string', minLength: 1 },
        b: { enum: [{ title: 'a value, not an annotation' }] },
        c: { const: { description: 'kept' } },
      },
      anyOf: [{ $comment: 'c', type: 'object' }],
    };
    expect(stripAnnotations(schema)).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', minLength: 1 },
        b: { enum: [{ title: 'a value, not an annotation' }] },
        c: { const: { description: 'kept' } },
      },
      anyOf: [{ type: 'object' }],
    });
  });

  it('drops unicode string lengths only when no verdict can change', () => {
    expect(lengthsIgnoreUnicode({ properties: { a: { type: 'string', minLength: 1 } } })).toBe(true);
    expect(lengthsIgnoreUnicode({ $defs: { a: { minLength: 2 } } })).toBe(false);
    expect(lengthsIgnoreUnicode({ items: [{ maxLength: 10 }] })).toBe(false);
  });

  it('generates code without error messages, annotations or the ucs2length helper', async () => {
    const files = await validatorsGenerator.generate();
    const code = files.get('scenarios/generated/validators.js') ?? '';
    expect(code).toMatch(/^\/\/ GENERATED/);
    expect(code).not.toMatch(/message:|"description"|"title"|ucs2length|x-documented/);
    expect(code).toContain('export const executeResponse');
  });

  it('stops at the first error and still names where it is', () => {
    expect(validators.executeResponse({ conversationId: 1, output: 'x', creditUsage: -1 })).toBe(false);
    expect(validators.executeResponse.errors).toHaveLength(1);
    expect(validators.executeResponse.errors?.[0]).toMatchObject({ instancePath: '/conversationId' });
    expect(validators.conversation({ conversationId: 'c', workflowId: 'w', status: 's', input: {} })).toBe(
      false,
    );
    expect(validators.conversation.errors?.[0]?.keyword).toBe('required');
    expect(validators.errorBody({ error: '' })).toBe(false);
  });

  it('keeps enums after stripping annotations (a turn mode outside sync|background is refused)', () => {
    const turn = { status: 'completed', mode: 'sync', input: {}, output: null, creditUsage: 1 };
    const doc = {
      conversationId: 'c',
      workflowId: 'w',
      status: 'completed',
      input: {},
      output: { a: 1 },
      executionPath: ['start'],
      errors: [],
      warnings: [],
      creditUsage: 1,
      turns: [turn],
    };
    expect(validators.conversation(doc)).toBe(true);
    expect(validators.conversation({ ...doc, turns: [{ ...turn, mode: 'bogus' }] })).toBe(false);
    expect(validators.conversation.errors?.[0]).toMatchObject({
      keyword: 'enum',
      instancePath: '/turns/0/mode',
    });
  });
});
