import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/index.js';
import { endpointUrl, loadProfile, resolveTarget } from '../../src/target/index.js';

const base = { timeScale: 0.02, faults: [] as string[] };

async function rejectionOf(promise: Promise<unknown>): Promise<HarnessError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarnessError);
  return error as HarnessError;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('resolveTarget', () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'targets-'));
    server = createServer((_req, res) => res.end('{}'));
    port = await listen(server);
    writeFileSync(join(dir, 'broken.json'), '{"name": "broken",');
    writeFileSync(
      join(dir, 'wrong.json'),
      JSON.stringify({
        name: 'Wrong Name',
        baseUrl: 'ftp://x',
        apiKeyEnv: 'K',
        workflows: { fast: { workflowId: '1', version: 'one' } },
        extra: true,
      }),
    );
    // Port 1 on loopback: nothing listens, so a key error proves the key is read before connecting.
    writeFileSync(
      join(dir, 'dead.json'),
      JSON.stringify({ ...loadProfile('example-staging'), name: 'dead', baseUrl: 'http://127.0.0.1:1' }),
    );
    writeFileSync(
      join(dir, 'local.json'),
      JSON.stringify({
        ...loadProfile('example-staging'),
        name: 'local',
        baseUrl: `http://127.0.0.1:${port}`,
      }),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  });

  it('an unknown name is HARNESS_ERR_TARGET_UNKNOWN and the hint lists the known profiles', async () => {
    const e = await rejectionOf(resolveTarget({ ...base, target: 'nope' }, { targetsDir: dir }));
    expect(e.code).toBe('HARNESS_ERR_TARGET_UNKNOWN');
    expect(e.hint).toContain('broken');
    expect(e.hint).toContain('local');
  });

  it('invalid JSON and schema violations are HARNESS_ERR_TARGET_INVALID naming each JSON pointer', async () => {
    expect((await rejectionOf(resolveTarget({ ...base, target: 'broken' }, { targetsDir: dir }))).code).toBe(
      'HARNESS_ERR_TARGET_INVALID',
    );
    const e = await rejectionOf(resolveTarget({ ...base, target: 'wrong' }, { targetsDir: dir }));
    expect(e.code).toBe('HARNESS_ERR_TARGET_INVALID');
    for (const pointer of [
      '/name',
      '/baseUrl',
      '/workflows/fast/version',
      '/workflows/fast: must have required property',
      '(root): must NOT have additional properties "extra"',
    ]) {
      expect(e.message).toContain(pointer);
    }
  });

  it('a missing key variable is HARNESS_ERR_KEY_MISSING naming the variable, before any connection', async () => {
    const e = await rejectionOf(resolveTarget({ ...base, target: 'dead' }, { targetsDir: dir, env: {} }));
    expect(e.code).toBe('HARNESS_ERR_KEY_MISSING');
    expect(e.message).toContain('STAGING_API_KEY');
  });

  it('a profile with its keys set resolves, with the profile endpoints', async () => {
    const env = {
      STAGING_API_KEY: 'k-main-123456',
      STAGING_API_KEY_NO_PERMISSION: 'k-noperm-123456',
      STAGING_API_KEY_NO_CREDITS: 'k-nocred-123456',
    };
    const t = await resolveTarget({ ...base, target: 'local' }, { targetsDir: dir, env });
    expect(t.embedded).toBe(false);
    expect(t.guessed).toEqual([]);
    expect(t.keys).toEqual({
      main: 'k-main-123456',
      noPermission: 'k-noperm-123456',
      noCredits: 'k-nocred-123456',
    });
    expect(endpointUrl(t.profile, 'getConversationById')).toBe(
      `http://127.0.0.1:${port}/api/getConversationById`,
    );
  });

  it('a bare URL uses documented paths, HARNESS_API_KEY, and marks the fast workflow as guessed', async () => {
    const t = await resolveTarget(
      { ...base, target: `http://127.0.0.1:${port}/` },
      { env: { HARNESS_API_KEY: 'bare-key-123456' } },
    );
    expect(t.guessed).toEqual(['workflows.fast']);
    expect(t.keys.main).toBe('bare-key-123456');
    expect(t.keys.noPermission).toBeUndefined();
    expect(endpointUrl(t.profile, 'executeWorkflow')).toBe(`http://127.0.0.1:${port}/api/executeWorkflow`);
  });

  it('an unreachable URL is HARNESS_ERR_TARGET_UNREACHABLE within the connect timeout', async () => {
    const closed = createServer();
    const deadPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const started = Date.now();
    const e = await rejectionOf(
      resolveTarget(
        { ...base, target: `http://127.0.0.1:${deadPort}` },
        { env: { HARNESS_API_KEY: 'bare-key-123456' }, connectTimeoutMs: 1000 },
      ),
    );
    expect(e.code).toBe('HARNESS_ERR_TARGET_UNREACHABLE');
    expect(e.message).toContain(String(deadPort));
    // Ended by the refusal, not by waiting out the connect bound (ground truth, not a time window);
    // the slack over the bound only absorbs a loaded machine.
    expect(e.message).not.toContain('no connection within');
    expect(Date.now() - started).toBeLessThan(1000 + 10_000);
  });

  it('--fault with a non-embedded target is a usage error', async () => {
    const e = await rejectionOf(
      resolveTarget(
        { ...base, faults: ['auth-ignored'], target: `http://127.0.0.1:${port}` },
        { env: { HARNESS_API_KEY: 'bare-key-123456' } },
      ),
    );
    expect(e.code).toBe('HARNESS_ERR_USAGE');
  });

  it('no target starts the embedded reference on loopback and stop() closes it', async () => {
    const t = await resolveTarget({ ...base, seed: 3 });
    expect(t.embedded).toBe(true);
    expect(t.profile.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.keys.noPermission).toBeDefined();
    const url = endpointUrl(t.profile, 'executeWorkflow');
    expect(
      (await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }))
        .status,
    ).toBe(401);
    await t.stop();
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('targets/example-staging.json is a valid profile', () => {
    expect(loadProfile('example-staging').apiKeyEnv).toBe('STAGING_API_KEY');
  });
});
