import { describe, expect, it } from 'vitest';
import { statusFailureCode } from '../../contracts/kit/index.js';

/** The failure code a report shows for an unexpected status: what the reader should do next. */
describe('statusFailureCode', () => {
  it.each([
    [500, 'SERVER_ERROR'],
    [502, 'SERVER_ERROR'],
    [599, 'SERVER_ERROR'],
    [429, 'RATE_LIMITED'],
    [503, 'UNAVAILABLE'],
    [499, 'WRONG_STATUS'],
    [404, 'WRONG_STATUS'],
    [200, 'WRONG_STATUS'],
  ])('%i → %s', (status, code) => {
    expect(statusFailureCode(status)).toBe(code);
  });

  it('a caller-given code replaces WRONG_STATUS only below 500', () => {
    expect(statusFailureCode(401, 'NOT_REJECTED')).toBe('NOT_REJECTED');
    expect(statusFailureCode(500, 'NOT_REJECTED')).toBe('SERVER_ERROR');
  });
});
