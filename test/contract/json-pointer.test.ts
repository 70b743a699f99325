import { describe, expect, it } from 'vitest';
import { escapePointerToken, getPointer } from '../../contracts/kit/pointer.js';

/**
 * Profiles name where a status, an output or a credit usage sits with RFC 6901 pointers, and a
 * failure names the field it is about with one: a wrong lookup reads the wrong field, a wrong
 * escape names a field that does not exist.
 */
describe('JSON pointer lookup', () => {
  const doc = { a: { 'b/c': [10, { 'd~e': 2, '~1': 'tilde-one' }] }, nil: null, n: 5, s: 'text' };

  it('walks objects and array indexes, unescaping ~1 and ~0 in each token', () => {
    expect(getPointer(doc, '')).toBe(doc);
    expect(getPointer(doc, '/a/b~1c/0')).toBe(10);
    expect(getPointer(doc, '/a/b~1c/1/d~0e')).toBe(2);
    // "~01" is the key "~1": ~1 is unescaped first, so the ~0 it leaves is not read again as "/".
    expect(getPointer(doc, '/a/b~1c/1/~01')).toBe('tilde-one');
  });

  it('unescapes every occurrence in a token, not only the first', () => {
    expect(getPointer({ 'x/y/z': 1, 'p~q~r': 2 }, '/x~1y~1z')).toBe(1);
    expect(getPointer({ 'x/y/z': 1, 'p~q~r': 2 }, '/p~0q~0r')).toBe(2);
  });

  it('is undefined when a step is missing or passes through null or a scalar', () => {
    expect(getPointer(doc, '/a/missing/x')).toBeUndefined();
    expect(getPointer(doc, '/nil/x')).toBeUndefined();
    expect(getPointer(doc, '/n/x')).toBeUndefined();
    expect(getPointer(doc, '/s/length')).toBeUndefined();
    expect(getPointer(doc, '/a/b~1c/7')).toBeUndefined();
    expect(getPointer(undefined, '/a')).toBeUndefined();
  });

  it('a pointer to a field that holds null reads null, not undefined', () => {
    expect(getPointer(doc, '/nil')).toBeNull();
  });
});

describe('JSON pointer escaping', () => {
  it('escapes every ~ and / so the pointer names the field back', () => {
    expect(escapePointerToken('a/b/c')).toBe('a~1b~1c');
    expect(escapePointerToken('~x~')).toBe('~0x~0');
    // ~ first: escaping "/" first would turn its "~1" into "~01".
    expect(escapePointerToken('/~')).toBe('~1~0');
    expect(escapePointerToken('plain')).toBe('plain');
    for (const key of ['a/b', '~1', 'x~/y', 'Risk Score']) {
      expect(getPointer({ [key]: 'found' }, `/${escapePointerToken(key)}`)).toBe('found');
    }
  });
});
