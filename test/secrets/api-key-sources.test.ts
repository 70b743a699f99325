import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/index.js';
import { clearSecrets, readApiKey, scrub } from '../../src/secrets/index.js';

/**
 * Which source a key comes from when NAME and NAME_FILE are set, empty or broken, and what the
 * user is told when neither gives a key: the message names the variable or file, never a value,
 * and the hint says how to provide one.
 */
const dir = mkdtempSync(join(tmpdir(), 'harness-key-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => clearSecrets());

function keyFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function failure(env: NodeJS.ProcessEnv): HarnessError {
  try {
    readApiKey('H_KEY', env);
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error('readApiKey returned a key');
}

describe('readApiKey sources', () => {
  it('an empty NAME falls through to NAME_FILE', () => {
    const file = keyFile('fallthrough', 'file-key-123456\n');
    expect(readApiKey('H_KEY', { H_KEY: '', H_KEY_FILE: file })).toBe('file-key-123456');
  });

  it('NAME wins over NAME_FILE when both are set', () => {
    const file = keyFile('loser', 'file-key-loser-1');
    expect(readApiKey('H_KEY', { H_KEY: 'direct-key-12345', H_KEY_FILE: file })).toBe('direct-key-12345');
    expect(scrub('file-key-loser-1')).toBe('file-key-loser-1');
  });

  it('neither NAME nor NAME_FILE set: the key is missing, not a file to read', () => {
    expect(failure({}).message).toBe('the API key variable H_KEY is not set');
  });

  it('NAME and NAME_FILE both empty: the key is missing, with how to set it', () => {
    const error = failure({ H_KEY: '', H_KEY_FILE: '' });
    expect(error.code).toBe('HARNESS_ERR_KEY_MISSING');
    expect(error.message).toBe('the API key variable H_KEY is not set');
    expect(error.hint).toMatch(/^export H_KEY=<your key> \(or H_KEY_FILE=/);
  });

  it('a key file holding only whitespace is a missing key, not an empty key sent to the target', () => {
    const error = failure({ H_KEY_FILE: keyFile('blank', '  \n') });
    expect(error.code).toBe('HARNESS_ERR_KEY_MISSING');
    expect(error.message).toBe('the API key variable H_KEY is not set');
  });

  it('an unreadable NAME_FILE names the file and the reason, and hints at a readable one', () => {
    const missing = join(dir, 'no-such-key-file');
    const error = failure({ H_KEY_FILE: missing });
    expect(error.code).toBe('HARNESS_ERR_KEY_MISSING');
    expect(error.message).toBe(`H_KEY_FILE names ${missing}, which cannot be read (ENOENT)`);
    expect(error.hint).toBe(
      'Point H_KEY_FILE at a readable file that contains only the key, or set H_KEY instead.',
    );
  });
});
