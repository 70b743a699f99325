import { describe, expect, it } from 'vitest';
import { parseK6Version, selectEngine } from '../../src/load/index.js';
import { fakeK6 } from './fake-k6.js';

const noK6Path = { PATH: '/nonexistent' };

describe('engine selection', () => {
  it('reads k6 version strings', () => {
    expect(parseK6Version('k6 v1.3.0 (go1.24.4, linux/amd64)')).toBe('1.3.0');
    expect(
      parseK6Version('k6 v0.49.0 (2024-01-29T13:35:13+0000/v0.49.0-0-g8c44a0d1, go1.21.6, linux/amd64)'),
    ).toBe('0.49.0');
    expect(parseK6Version('no version here')).toBeUndefined();
  });

  it('auto picks k6 from K6_BIN when it is 1.0 or newer, and says so', () => {
    const { bin } = fakeK6('1.3.0');
    const choice = selectEngine('auto', { ...noK6Path, K6_BIN: bin });
    expect(choice).toMatchObject({ kind: 'k6', binary: bin, version: '1.3.0', requested: 'auto' });
    expect(choice.reason).toContain('k6 1.3.0');
  });

  it('auto falls back to the local engine without k6, or with a k6 older than 1.0', () => {
    expect(selectEngine('auto', noK6Path)).toMatchObject({
      kind: 'local',
      reason: expect.stringContaining('no k6 on PATH') as string,
    });
    const { bin } = fakeK6('0.49.0');
    expect(selectEngine('auto', { ...noK6Path, K6_BIN: bin })).toMatchObject({
      kind: 'local',
      reason: expect.stringContaining('older than 1.0') as string,
    });
  });

  it('--engine k6 without a usable k6 is a HarnessError with an install hint', () => {
    expect(() => selectEngine('k6', noK6Path)).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_K6_UNAVAILABLE',
        hint: expect.stringContaining('--engine local') as string,
      }),
    );
  });

  it('--engine local never looks for k6', () => {
    expect(selectEngine('local', { K6_BIN: '/definitely/missing' })).toMatchObject({
      kind: 'local',
      requested: 'local',
    });
  });
});
