import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSecrets,
  redactHeaders,
  REDACTED,
  registerSecret,
  scrub,
  scrubValue,
} from '../../src/secrets/index.js';

/**
 * Where redaction starts and stops: the shortest key that is redacted, the header names that are
 * redacted outright (and the look-alikes that are only scrubbed), and clearing the list.
 */
afterEach(() => clearSecrets());

describe('scrub boundaries', () => {
  it('redacts a registered 6-character key; a 5-character value is too short to register', () => {
    registerSecret('k6abcd');
    registerSecret('short');
    expect(scrub('key=k6abcd word=short')).toBe(`key=${REDACTED} word=short`);
  });

  it('redacts the credential headers by exact name in any case; look-alike names are only scrubbed', () => {
    registerSecret('header-key-12345');
    const out = redactHeaders({
      'X-API-Key': 'anything',
      authorization: 'Bearer t',
      Cookie: 'c=1',
      'proxy-authorization': 'Basic x',
      'x-api-key-hint': 'see docs',
      'my-authorization': 'not a credential',
      'cookie-policy': 'strict',
      'x-echo': 'sent header-key-12345',
    });
    expect(out).toEqual({
      'X-API-Key': REDACTED,
      authorization: REDACTED,
      Cookie: REDACTED,
      'proxy-authorization': REDACTED,
      'x-api-key-hint': 'see docs',
      'my-authorization': 'not a credential',
      'cookie-policy': 'strict',
      'x-echo': `sent ${REDACTED}`,
    });
  });

  it('clearSecrets() forgets every registered key', () => {
    registerSecret('forget-me-key-1');
    expect(scrub('forget-me-key-1')).toBe(REDACTED);
    clearSecrets();
    expect(scrub('forget-me-key-1')).toBe('forget-me-key-1');
  });

  it('marks a redaction with the literal [REDACTED] that reports and logs are searched for', () => {
    registerSecret('literal-key-123');
    expect(scrub('k=literal-key-123')).toBe('k=[REDACTED]');
    expect(redactHeaders({ 'x-api-key': 'literal-key-123' })).toEqual({ 'x-api-key': '[REDACTED]' });
  });

  it('drops absent headers and joins repeated ones before scrubbing them', () => {
    registerSecret('joined-key-123');
    expect(redactHeaders({ 'x-absent': undefined, via: ['a', 'b joined-key-123'], accept: '*/*' })).toEqual({
      via: `a, b ${REDACTED}`,
      accept: '*/*',
    });
  });

  it('scrubValue deep-scrubs only once a key is registered, leaving other values equal', () => {
    const value = { a: ['deep-key-12345', { b: 'x deep-key-12345' }], n: 1 };
    expect(scrubValue(value)).toEqual(value);
    registerSecret('deep-key-12345');
    expect(scrubValue(value)).toEqual({ a: [REDACTED, { b: `x ${REDACTED}` }], n: 1 });
  });
});
