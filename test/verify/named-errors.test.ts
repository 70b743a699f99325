import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReference, type RunningReference } from '../../reference/index.js';
import { main } from '../../src/cli/main.js';
import { HarnessError } from '../../src/errors/index.js';
import { preflight, resolveTarget } from '../../src/target/index.js';
import { runVerify } from '../../src/verify/index.js';

const config = (target: string) => ({ target, timeScale: 0.02, faults: [], seed: 3, reportsDir: 'reports' });

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HarnessError)
      return { code: error.code, message: error.message, hint: error.hint ?? '' };
    throw error;
  }
  throw new Error('expected a HarnessError');
}

describe('target URLs a bare URL cannot use get their own code and hint', () => {
  it.each([
    ['http://', 'HARNESS_ERR_TARGET_URL_INVALID'],
    ['http://:8080', 'HARNESS_ERR_TARGET_URL_INVALID'],
    ['ftp://files.invalid/', 'HARNESS_ERR_TARGET_URL_UNSUPPORTED'],
    ['http://user:pw@api.invalid', 'HARNESS_ERR_TARGET_URL_UNSUPPORTED'],
    ['http://api.invalid/?x=1', 'HARNESS_ERR_TARGET_URL_UNSUPPORTED'],
  ])('%s → %s', async (url, code) => {
    const e = await codeOf(resolveTarget(config(url), { env: { HARNESS_API_KEY: 'k' } }));
    expect(e.code).toBe(code);
    expect(e.hint).toMatch(/http:\/\/|https:\/\//);
  });
});

describe('before any check: a rejected key and https against plain http are named errors', () => {
  let ref: RunningReference;
  const dir = mkdtempSync(join(tmpdir(), 'verify-named-'));
  beforeAll(async () => {
    ref = await startReference({ port: 0, timeScale: 0.02, seed: 3 });
  });
  afterAll(async () => {
    await ref.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('a wrong key on a bare URL: HARNESS_ERR_KEY_REJECTED naming the variable', async () => {
    const target = await resolveTarget(config(ref.url), { env: { HARNESS_API_KEY: 'harness-wrong-key' } });
    const e = await codeOf(runVerify(config(ref.url), target, { write: false }));
    expect(e.code).toBe('HARNESS_ERR_KEY_REJECTED');
    expect(e.message).toContain('HARNESS_API_KEY');
    expect(e.message).toContain('no check ran');
  });

  it('a wrong key for a profile target: the same error, and the right key passes the preflight', async () => {
    // No extra keys: only the main one is under test.
    const profile = { ...ref.profile(), name: 'local', apiKeyEnv: 'LOCAL_KEY', extraKeys: {} };
    writeFileSync(join(dir, 'local.json'), JSON.stringify(profile));
    const wrong = await resolveTarget(config('local'), { env: { LOCAL_KEY: 'nope' }, targetsDir: dir });
    expect((await codeOf(runVerify(config('local'), wrong, { write: false }))).code).toBe(
      'HARNESS_ERR_KEY_REJECTED',
    );
    const right = await resolveTarget(config('local'), {
      env: { LOCAL_KEY: ref.keys.full },
      targetsDir: dir,
    });
    await expect(preflight(right, { requestTimeoutMs: 5000 })).resolves.toBe(right);
  });

  it('the CLI exits 2 with the code and no check table', async () => {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (c: string | Uint8Array) => ((out += String(c)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (c: string | Uint8Array) => ((err += String(c)), true),
    );
    vi.stubEnv('HARNESS_API_KEY', 'harness-wrong-key');
    const code = await main(['verify', '--target', ref.url, '--reports-dir', dir]);
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(err).toContain('HARNESS_ERR_KEY_REJECTED');
    expect(out).not.toMatch(/PASS|FAIL/);
  });

  it('https:// against the plain-http reference: HARNESS_ERR_TARGET_TLS with the http URL as hint', async () => {
    const https = ref.url.replace(/^http:/, 'https:');
    const target = await resolveTarget(config(https), { env: { HARNESS_API_KEY: ref.keys.full } });
    const e = await codeOf(runVerify(config(https), target, { write: false }));
    expect(e.code).toBe('HARNESS_ERR_TARGET_TLS');
    expect(e.hint).toContain(ref.url);
  });
});
