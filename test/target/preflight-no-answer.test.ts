import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { preflight, resolveTarget } from '../../src/target/index.js';

/**
 * A request the preflight sends that gets no answer (the connection is reset) is noted and the
 * run goes on: for the key probe the checks report the transport failure themselves; for a bare
 * URL's workflow the role stays guessed. The clean case learns the output shape.
 */
type Mode = 'reset' | 'answer';
let modes: { getConversationById: Mode; executeWorkflow: Mode };
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const endpoint =
      req.url?.includes('getConversationById') === true ? 'getConversationById' : 'executeWorkflow';
    if (modes[endpoint] === 'reset') return void req.socket.destroy();
    res.setHeader('content-type', 'application/json');
    if (endpoint === 'getConversationById') res.writeHead(404).end('{"error":"not found"}');
    else res.end('{"conversationId":"c1","output":{"text":"hi"},"creditUsage":1}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => server.closeAllConnections());
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function preflightBare(): Promise<Awaited<ReturnType<typeof preflight>>> {
  const target = await resolveTarget(
    { target: `http://127.0.0.1:${port}`, timeScale: 0.02, faults: [] },
    { env: { HARNESS_API_KEY: 'preflight-no-answer-key-1' } },
  );
  return preflight(target, { requestTimeoutMs: 5_000 });
}

describe('preflight when a request gets no answer', () => {
  it('the key probe reset: noted, no error, nothing learned', async () => {
    modes = { getConversationById: 'reset', executeWorkflow: 'answer' };
    const target = await preflightBare();
    expect(target.notes).toContainEqual(expect.stringMatching(/^preflight got no answer: /));
    expect(target.guessed).toContain('workflows.fast');
  });

  it("a bare URL's workflow reset: noted, the role stays guessed", async () => {
    modes = { getConversationById: 'answer', executeWorkflow: 'reset' };
    const target = await preflightBare();
    expect(target.notes).toContainEqual(expect.stringMatching(/^workflows\.fast \(.*\) got no answer: /));
    expect(target.guessed).toContain('workflows.fast');
    expect(target.profile.workflows.fast.outputComponents).toEqual({});
  });

  it("both answered: the workflow's output shape is learned", async () => {
    modes = { getConversationById: 'answer', executeWorkflow: 'answer' };
    const target = await preflightBare();
    expect(target.notes?.join('\n')).not.toContain('got no answer');
    expect(target.guessed).not.toContain('workflows.fast');
    expect(target.profile.workflows.fast.outputComponents).toEqual({ text: 'text' });
  });
});
