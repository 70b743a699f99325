import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, DEFAULT_TIMEOUT_MS, TransportError } from '../../contracts/kit/http-client.js';
import type { ApiResponse } from '../../contracts/kit/http-client.js';
import { boundHit } from '../../src/config/index.js';
import { profileWith, targetWith } from '../support/fake-check.js';

/**
 * What every check request is: the documented headers and key, the body as given, the answer read
 * back (status, headers, JSON), a summary and a curl command without the key, and a named
 * TransportError when no answer comes. A tiny loopback server records what arrived.
 */
interface Arrived {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const arrived: Arrived[] = [];
let server: Server;
let base: string;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      arrived.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url === '/hold') {
        held.push(res);
        return;
      }
      if (req.url === '/huge') {
        // Announces more than MAX_BODY_BYTES, then ends: the client must refuse it on the header.
        res.writeHead(200, { 'content-length': String(9 * 1024 * 1024) });
        res.flushHeaders();
        held.push(res);
        return;
      }
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/elsewhere' }).end();
        return;
      }
      if (req.url === '/text') {
        res
          .writeHead(429, { 'content-type': 'text/plain', 'retry-after': '7', 'X-Custom': 'A' })
          .end('slow down');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ conversationId: 'c-1' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.close();
  await once(server, 'close');
});

function clientFor(endpoints: Record<string, string> = {}, extra: Parameters<typeof targetWith>[0] = {}) {
  const profile = profileWith({ baseUrl: base, endpoints });
  const seen: ApiResponse[] = [];
  const client = createClient(
    targetWith({ profile, keys: { main: 'main-key-123', noCredits: 'credit-key-456' }, ...extra }),
    {
      onResponse: (res) => seen.push(res),
    },
  );
  return { client, seen };
}

const last = (): Arrived => {
  const a = arrived.at(-1);
  if (a === undefined) throw new Error('nothing arrived');
  return a;
};

describe('check requests', () => {
  it('a POST sends the JSON body, its type, accept and the main key, and reads the JSON answer', async () => {
    const { client, seen } = clientFor();
    const res = await client.post('executeWorkflow', { workflowId: 'w' });
    expect(last()).toMatchObject({ method: 'POST', url: '/api/executeWorkflow', body: '{"workflowId":"w"}' });
    expect(last().headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'x-api-key': 'main-key-123',
    });
    expect(res).toMatchObject({
      endpoint: 'executeWorkflow',
      status: 200,
      contentType: 'application/json',
      json: { conversationId: 'c-1' },
      text: '{"conversationId":"c-1"}',
    });
    expect(res).not.toHaveProperty('retryAfter');
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen).toEqual([res]);
  });

  it('the summary and the curl command never hold the key; the summary keeps the first 500 body characters', async () => {
    const { client } = clientFor();
    const res = await client.post('executeWorkflow', { text: 'x'.repeat(600) });
    expect(res.request).toMatchObject({ method: 'POST', path: '/api/executeWorkflow' });
    expect(res.request.headers['x-api-key']).toBe('[REDACTED]');
    expect(res.request.body).toBe(JSON.stringify({ text: 'x'.repeat(600) }).slice(0, 500));
    expect(res.curl).toContain('"x-api-key: $UNIT_API_KEY"');
    expect(res.curl).not.toContain('main-key-123');
    expect(client.requests).toEqual([res.request]);
  });

  it("the profile's endpoint paths; another key role, a literal key or none", async () => {
    const { client } = clientFor({ executeWorkflow: '/v2/run' });
    await client.post('executeWorkflow', {}, { key: 'noCredits' });
    expect(last().url).toBe('/v2/run');
    expect(last().headers['x-api-key']).toBe('credit-key-456');
    await client.post('executeWorkflow', {}, { key: { literal: 'bogus' } });
    expect(last().headers['x-api-key']).toBe('bogus');
    await client.post('executeWorkflow', {}, { key: 'none' });
    expect(last().headers).not.toHaveProperty('x-api-key');
    await expect(client.post('executeWorkflow', {}, { key: 'noPermission' })).rejects.toThrow(
      "the target has no noPermission key (declare the check's needs)",
    );
  });

  it('a raw body is sent verbatim; the Content-Type can be changed or left out', async () => {
    const { client } = clientFor();
    await client.post('executeWorkflow', { ignored: true }, { rawBody: '{"broken":' });
    expect(last().body).toBe('{"broken":');
    await client.post('executeWorkflow', {}, { contentType: 'text/plain' });
    expect(last().headers['content-type']).toBe('text/plain');
    await client.post('executeWorkflow', {}, { contentType: null });
    expect(last().headers).not.toHaveProperty('content-type');
    await client.post('executeWorkflow', undefined);
    expect(last().headers['content-type']).toBe('application/json');
    expect(last().body).toBe('');
  });

  it('another method without a body sends no body and no Content-Type; with one, both', async () => {
    const { client } = clientFor();
    const res = await client.send('GET', 'getConversationById', undefined);
    expect(last()).toMatchObject({ method: 'GET', body: '' });
    expect(last().headers).not.toHaveProperty('content-type');
    expect(res.request.body).toBe('');
    await client.send('PUT', 'getConversationById', { a: 1 });
    expect(last()).toMatchObject({ method: 'PUT', body: '{"a":1}' });
    expect(last().headers['content-type']).toBe('application/json');
  });

  it('an answer that is not JSON: its text, no json, its Retry-After and every header lower-case', async () => {
    const { client } = clientFor({ executeWorkflow: '/text' });
    const res = await client.post('executeWorkflow', {});
    expect(res).toMatchObject({
      status: 429,
      text: 'slow down',
      json: undefined,
      retryAfter: '7',
      contentType: 'text/plain',
    });
    expect(res.headers).toMatchObject({ 'x-custom': 'A', 'retry-after': '7' });
  });

  it('a redirect is the answer, not followed', async () => {
    const { client } = clientFor({ executeWorkflow: '/redirect' });
    const before = arrived.length;
    expect((await client.post('executeWorkflow', {})).status).toBe(302);
    expect(arrived.length).toBe(before + 1);
  });
});

describe('answers the client refuses or times', () => {
  it('an answer announcing a body past the limit is a TransportError naming it once, and is recorded with its status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-client-huge-'));
    try {
      const { client } = clientFor({ executeWorkflow: '/huge' }, { harSpoolDir: dir });
      const error = await client.post('executeWorkflow', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).message).toBe('POST /huge: response body larger than 8388608 bytes');
      const line = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8').trim())[0] ?? '';
      expect((JSON.parse(line) as { entry: { response: { status: number } } }).entry.response.status).toBe(
        200,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a client without hooks answers too', async () => {
    const client = createClient(targetWith({ profile: profileWith({ baseUrl: base }) }));
    expect((await client.post('executeWorkflow', {})).status).toBe(200);
  });

  it('the duration is the time from send to the whole body, within the time the call took', async () => {
    const { client } = clientFor();
    const before = performance.now();
    const res = await client.post('executeWorkflow', {});
    const took = performance.now() - before;
    expect(res.durationMs).toBeGreaterThan(0);
    expect(res.durationMs).toBeLessThanOrEqual(took);
  });
});

describe('no answer', () => {
  it('past requestTimeoutMs: a TransportError naming the bound and where it is set', async () => {
    const { client } = clientFor({ executeWorkflow: '/hold' }, { requestTimeoutMs: 50 });
    const error = await client.post('executeWorkflow', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toBe(`POST /hold: ${boundHit('requestTimeoutMs', 50)}`);
    expect((error as TransportError).curl).toContain("'" + base + "/hold'");
  });

  it("past the request's own bound: a TransportError naming that bound", async () => {
    const { client } = clientFor({ executeWorkflow: '/hold' });
    const error = await client.post('executeWorkflow', {}, { timeoutMs: 40 }).catch((e: unknown) => e);
    expect((error as TransportError).message).toBe(
      "POST /hold: no answer within 40 ms (this check's own bound, derived from the target profile)",
    );
  });

  it('a refused connection: a TransportError with the system code; the default bound is 10 s', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const client = createClient(
      targetWith({ profile: profileWith({ baseUrl: `http://127.0.0.1:${port}` }) }),
    );
    const error = await client.post('executeWorkflow', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toBe('POST /api/executeWorkflow: ECONNREFUSED');
    expect((error as TransportError).endpoint).toBe('executeWorkflow');
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
  });
});

describe('--har', () => {
  it('spools each exchange, answered or not, with what came back or why nothing did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-client-har-'));
    try {
      const { client } = clientFor({ executeWorkflow: '/hold' }, { harSpoolDir: dir });
      await client.post('getConversationById', { id: 1 });
      await client.post('executeWorkflow', {}, { timeoutMs: 30 }).catch(() => undefined);
      const lines = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'));
      const entries = lines.map(
        (l) => (JSON.parse(l) as { entry: { response: { status: number; _error?: string } } }).entry,
      );
      expect(entries.map((e) => e.response.status)).toEqual([200, 0]);
      expect(JSON.stringify(entries[1])).toContain('no answer within 30 ms');
      expect(JSON.stringify(entries[0])).toContain('{\\"id\\":1}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
