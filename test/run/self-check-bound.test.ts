import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfCheck } from '../../src/report/job/self-check.js';
import { startHostile, type HostileServer } from '../../src/hostile/index.js';
import { bareUrlProfile } from '../../src/target/index.js';

/** Issue 6: the main job's self-check requests use requestTimeoutMs and name it when hit. */
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostile();
});
afterAll(async () => {
  await hostile.close();
});

describe('self-check request bound', () => {
  it('against a hanging target: TRANSPORT failures naming requestTimeoutMs, within the bound per request', async () => {
    const target = { profile: bareUrlProfile(hostile.baseUrl('hang')), keys: { main: 'self-check-canary-1' }, embedded: false, guessed: [], stop: () => Promise.resolve() };
    const started = Date.now();
    const result = await selfCheck(target, 'run-1', 1, 300);
    expect(Date.now() - started).toBeLessThan(3_000);
    const failure = result.checks.find((c) => c.id === 'docs-example-sync')?.failures[0];
    expect(failure).toMatchObject({ code: 'TRANSPORT', received: 'no answer within 300 ms (requestTimeoutMs; raise with --request-timeout or HARNESS_REQUEST_TIMEOUT_MS)' });
    expect(failure?.message).toContain('requestTimeoutMs');
  });
});
