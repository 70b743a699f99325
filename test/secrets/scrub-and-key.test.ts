import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors/index.js';
import { createRunDir } from '../../src/run/index.js';
import {
  clearSecrets,
  readApiKey,
  redactHeaders,
  REDACTED,
  scrub,
  scrubValue,
} from '../../src/secrets/index.js';

/** The core secret plumbing every writer relies on. */
const CANARY = 'canary-key-7f3a9c1e5b';

afterEach(() => clearSecrets());

describe('readApiKey', () => {
  it('reads NAME, registers it, and scrub removes it everywhere', () => {
    expect(readApiKey('H_KEY', { H_KEY: CANARY })).toBe(CANARY);
    expect(scrub(`x-api-key: ${CANARY}; again ${CANARY}`)).toBe(`x-api-key: ${REDACTED}; again ${REDACTED}`);
    expect(JSON.stringify(scrubValue({ deep: [{ k: `pre${CANARY}post` }] }))).not.toContain(CANARY);
  });

  it('reads NAME_FILE (trimmed) when NAME is unset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-key-'));
    try {
      writeFileSync(join(dir, 'key'), `${CANARY}\n`);
      expect(readApiKey('H_KEY', { H_KEY_FILE: join(dir, 'key') })).toBe(CANARY);
      expect(scrub(CANARY)).toBe(REDACTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing key is HARNESS_ERR_KEY_MISSING naming the variable, not a value', () => {
    const error = (() => {
      try {
        readApiKey('H_KEY', {});
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_KEY_MISSING');
    expect(String((error as Error).message)).toContain('H_KEY');
  });
});

describe('redactHeaders', () => {
  it('redacts x-api-key in any case, and scrubs registered keys from other headers', () => {
    readApiKey('H_KEY', { H_KEY: CANARY });
    const out = redactHeaders({
      'X-Api-Key': CANARY,
      'x-forwarded': `k=${CANARY}`,
      accept: 'application/json',
      authorization: 'Bearer abc',
    });
    expect(out['X-Api-Key']).toBe(REDACTED);
    expect(out.authorization).toBe(REDACTED);
    expect(out.accept).toBe('application/json');
    expect(JSON.stringify(out)).not.toContain(CANARY);
  });
});

describe('RunDir.write', () => {
  it('scrubs text it writes', () => {
    readApiKey('H_KEY', { H_KEY: CANARY });
    const dir = mkdtempSync(join(tmpdir(), 'harness-run-'));
    try {
      const run = createRunDir(dir, 'r1');
      const file = run.write('out.json', JSON.stringify({ headers: { 'x-api-key': CANARY } }));
      expect(readFileSync(file, 'utf8')).not.toContain(CANARY);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
