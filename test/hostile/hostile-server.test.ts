import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostile, type HostileServer } from '../../src/hostile/index.js';

/** The companion server really misbehaves the way each mode promises (seen through fetch). */
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostile({ trickleIntervalMs: 50 });
});
afterAll(async () => {
  await hostile.close();
});

const body = JSON.stringify({ workflowId: '12345', version: 1, input: { 'First Name': 'John', Age: 30 } });
function post(base: string, timeoutMs = 2000, redirect: 'follow' | 'manual' = 'follow'): Promise<Response> {
  return fetch(`${base}/api/executeWorkflow`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'hostile-test-key' },
    body,
    redirect,
    signal: AbortSignal.timeout(timeoutMs),
  });
}
function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code;
}

describe('hostile companion server', () => {
  it('refusedUrl refuses connections', async () => {
    const error = await post(hostile.refusedUrl).catch((e: unknown) => e);
    expect(causeCode(error)).toBe('ECONNREFUSED');
  });

  it('reset: sends headers, then resets mid-body', async () => {
    const res = await post(hostile.baseUrl('reset'));
    expect(res.status).toBe(200);
    const error = await res.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });

  it('hang: never answers (the client timeout fires)', async () => {
    const error = await post(hostile.baseUrl('hang'), 300).catch((e: unknown) => e);
    // Only the client's own timeout ended it (a refusal or reset would be a TypeError).
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('trickle: headers arrive, the body never finishes', async () => {
    const res = await post(hostile.baseUrl('trickle'), 400);
    expect(res.status).toBe(200);
    const error = await res.text().catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it.each(['truncated-json', 'not-json'] as const)(
    '%s: JSON content type, unparseable body',
    async (mode) => {
      const res = await post(hostile.baseUrl(mode));
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      await expect(res.json()).rejects.toThrow(SyntaxError);
    },
  );

  it('huge-body: 50 MB of valid JSON', async () => {
    const res = await post(hostile.baseUrl('huge-body'), 20_000);
    expect(Number(res.headers.get('content-length'))).toBe(50 * 1024 * 1024);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    expect(bytes).toBe(50 * 1024 * 1024);
  });

  it.each([
    ['rate-limited', 429, null],
    ['rate-limited-retry-after', 429, '1'],
    ['unavailable', 503, null],
    ['unavailable-retry-after', 503, '1'],
  ] as const)('%s: %i with Retry-After %s and the error body', async (mode, status, retryAfter) => {
    const res = await post(hostile.baseUrl(mode));
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(await res.json()).toEqual({ error: expect.any(String) as string });
  });

  it('redirect-loop: redirects to itself until the client gives up', async () => {
    const before = hostile.hits('redirect-loop');
    const first = await post(hostile.baseUrl('redirect-loop'), 2000, 'manual');
    expect(first.status).toBe(307);
    expect(first.headers.get('location')).toBe('/redirect-loop/api/executeWorkflow');
    const error = await post(hostile.baseUrl('redirect-loop')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // fetch stops after 20 redirects: the loop is finite on the client side.
    expect(hostile.hits('redirect-loop') - before).toBeGreaterThan(20);
  });

  it('answers an unknown mode with a 404 error body', async () => {
    const res = await post(`${hostile.url}/nope`);
    expect(res.status).toBe(404);
  });
});
