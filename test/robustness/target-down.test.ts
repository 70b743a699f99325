import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors/index.js';
import { startHostile, type HostileServer } from '../../src/hostile/index.js';
import { resolveTarget } from '../../src/target/index.js';

/** A target that is down at start is a clear HARNESS_ERR_* within seconds, not a hang. */
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostile();
});
afterAll(async () => {
  await hostile.close();
});

const config = { timeScale: 0.01, faults: [] as string[] };
const env = { HARNESS_API_KEY: 'hostile-canary-key-0001' };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('resolveTarget against a target that is down', () => {
  it('a closed port → HARNESS_ERR_TARGET_UNREACHABLE in under 5 s, naming the host and a fix', async () => {
    const started = Date.now();
    const error = await failure(
      resolveTarget({ ...config, target: hostile.refusedUrl }, { env, connectTimeoutMs: 2000 }),
    );
    // The connect bound (2 s) plus slack for a loaded machine; that the refusal ended it is below.
    expect(Date.now() - started).toBeLessThan(2000 + 10_000);
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_TARGET_UNREACHABLE');
    const text = isHarnessError(error) ? error.format() : '';
    expect(text).not.toContain('no connection within');
    expect(text).toContain(new URL(hostile.refusedUrl).host);
    expect(text).toMatch(/hint: .+/);
    expect(text).not.toContain(env.HARNESS_API_KEY);
  });

  it('a missing key variable fails before any connection, naming the variable', async () => {
    const error = await failure(resolveTarget({ ...config, target: hostile.baseUrl('hang') }, { env: {} }));
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_KEY_MISSING');
    expect(String((error as Error).message)).toContain('HARNESS_API_KEY');
  });
});
