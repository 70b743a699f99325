import { describe, expect, it } from 'vitest';
import { containsText, markedBody } from '../../contracts/kit/content.js';
import { FAST, profileWith } from '../support/fake-check.js';

/**
 * The conversation checks tell two conversations apart by a marker put into the input's first
 * free-text component and looked for anywhere in what comes back.
 */
describe('markedBody', () => {
  it("appends the marker to the first text component holding a string, leaving the profile's sample alone", () => {
    const profile = profileWith();
    const body = markedBody({ profile }, 'fast', 'MARK-1');
    expect(body).toEqual({
      workflowId: '12345',
      version: 1,
      input: { 'First Name': 'John MARK-1', Age: 30 },
    });
    expect(profile.workflows.fast.sampleInput).toEqual({ 'First Name': 'John', Age: 30 });
  });

  it('skips a text component whose sample is not a string, and a non-text one holding a string', () => {
    const profile = profileWith({
      workflows: {
        fast: {
          ...FAST,
          sampleInput: { Code: 'abc', Notes: null, Topic: 'tax' },
          inputComponents: { Code: 'any', Notes: 'text', Topic: 'text' },
        },
      },
    });
    expect(markedBody({ profile }, 'fast', 'M')?.input).toEqual({ Code: 'abc', Notes: null, Topic: 'tax M' });
  });

  it('undefined when no text component can carry a marker', () => {
    const profile = profileWith({
      workflows: { fast: { ...FAST, sampleInput: { Age: 30 }, inputComponents: { Age: 'number' } } },
    });
    expect(markedBody({ profile }, 'fast', 'M')).toBeUndefined();
  });
});

describe('containsText', () => {
  it('finds the needle in a string at any depth of objects and arrays', () => {
    expect(containsText('a MARK b', 'MARK')).toBe(true);
    expect(containsText({ out: [{ text: 'x' }, { deep: ['has MARK'] }] }, 'MARK')).toBe(true);
    expect(containsText([1, ['MARK']], 'MARK')).toBe(true);
    expect(containsText({ other: 'x', reply: 'MARK' }, 'MARK')).toBe(true);
  });

  it('false when no string holds it, whatever else is there', () => {
    expect(containsText('a b', 'MARK')).toBe(false);
    expect(containsText({ MARK: 1, n: [2, 'other'] }, 'MARK')).toBe(false);
    expect(containsText([null, 3, true], 'MARK')).toBe(false);
    expect(containsText(null, 'MARK')).toBe(false);
    expect(containsText(undefined, 'MARK')).toBe(false);
  });
});
