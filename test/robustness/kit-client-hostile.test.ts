import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, TransportError, createClient, type ApiResponse } from '../../contracts/kit/index.js';
import { startHostile, type HostileMode, type HostileServer } from '../../src/hostile/index.js';
import { bareUrlProfile } from '../../src/target/index.js';

/**
 * The HTTP client every contract check uses, pointed at each misbehaviour: it always comes back
 * within its timeout (plus slack), either with a response the checks can judge or with a
 * TransportError naming what happened — and its request summary never carries the key.
 */
const KEY = 'kit-canary-key-5d1e0b7a';
const TIMEOUT_MS = 600;
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostile({ trickleIntervalMs: 50 });
});
afterAll(async () => {
  await hostile.close();
});

async function call(base: string): Promise<{ ms: number; response?: ApiResponse; error?: TransportError }> {
  const client = createClient({
    profile: bareUrlProfile(base),
    keys: { main: KEY },
    embedded: false,
    guessed: [],
    seed: 1,
  });
  const started = Date.now();
  try {
    const response = await client.post(
      'executeWorkflow',
      { workflowId: '12345', version: 1, input: {} },
      { timeoutMs: TIMEOUT_MS },
    );
    expect(JSON.stringify(client.requests)).not.toContain(KEY);
    return { ms: Date.now() - started, response };
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError);
    const transport = error as TransportError;
    expect(transport.request.headers['x-api-key']).toBe('[REDACTED]');
    expect(JSON.stringify(transport.request) + transport.message).not.toContain(KEY);
    return { ms: Date.now() - started, error: transport };
  }
}

describe('contracts/kit HTTP client against hostile targets', () => {
  it('refused: a TransportError naming ECONNREFUSED, not a timeout', async () => {
    const outcome = await call(hostile.refusedUrl);
    expect(outcome.error?.message).toMatch(/ECONNREFUSED/);
    // The refusal itself ended the call, not the timeout (ground truth instead of a time window).
    expect(outcome.error?.message).not.toContain('no answer within');
  });

  it('reset mid-response: a TransportError naming the reset', async () => {
    const outcome = await call(hostile.baseUrl('reset'));
    expect(outcome.error?.message).toMatch(/ECONNRESET|terminated|socket/i);
  });

  it.each(['hang', 'trickle'] as const)(
    '%s: a TransportError saying no response within the timeout, on time',
    async (mode) => {
      const outcome = await call(hostile.baseUrl(mode));
      expect(outcome.error?.message).toContain(`no answer within ${TIMEOUT_MS} ms`);
      // Never before its bound (a timer does not fire early); after it, the slack only absorbs a
      // loaded machine — a client that hangs still fails.
      expect(outcome.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
      expect(outcome.ms).toBeLessThan(TIMEOUT_MS + 10_000);
    },
  );

  it("hang with the target's requestTimeoutMs: the message names the bound and how to raise it", async () => {
    const client = createClient({
      profile: bareUrlProfile(hostile.baseUrl('hang')),
      keys: { main: KEY },
      embedded: false,
      guessed: [],
      seed: 1,
      requestTimeoutMs: 400,
    });
    const started = Date.now();
    const error = await client.post('executeWorkflow', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toContain(
      'no answer within 400 ms (requestTimeoutMs; raise with --request-timeout or HARNESS_REQUEST_TIMEOUT_MS)',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(400 - 5);
  });

  it.each(['truncated-json', 'not-json'] as const)(
    '%s: a 200 whose json is undefined (the checks report it)',
    async (mode) => {
      const outcome = await call(hostile.baseUrl(mode));
      expect(outcome.response?.status).toBe(200);
      expect(outcome.response?.contentType).toMatch(/json/);
      expect(outcome.response?.json).toBeUndefined();
    },
  );

  it.each([
    ['rate-limited', 429],
    ['rate-limited-retry-after', 429],
    ['unavailable', 503],
    ['unavailable-retry-after', 503],
  ] as const)('%s: answered with status %i (no retry storm)', async (mode: HostileMode, status) => {
    const before = hostile.hits(mode);
    const outcome = await call(hostile.baseUrl(mode));
    expect(outcome.response?.status).toBe(status);
    expect(hostile.hits(mode) - before).toBe(1);
  });

  it('huge body (50 MB): refused past the size limit, as a TransportError naming it, without reading it all', async () => {
    const outcome = await call(hostile.baseUrl('huge-body'));
    expect(outcome.error?.message).toMatch(new RegExp(`larger than ${MAX_BODY_BYTES} bytes`));
  });

  it('redirect loop: not followed; the 307 is what the checks see', async () => {
    const before = hostile.hits('redirect-loop');
    const outcome = await call(hostile.baseUrl('redirect-loop'));
    expect(outcome.response?.status).toBe(307);
    expect(hostile.hits('redirect-loop') - before).toBe(1);
  });
});
