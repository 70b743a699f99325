import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  resolveTarget,
  startEmbedded,
  type ResolvedTarget,
  type TargetProfile,
} from '../../src/target/index.js';
import { CheckRunner } from '../../src/verify/index.js';
import { checkOf as check, verifyWith } from './verify-with.js';

const config = { timeScale: 0.02, faults: [], seed: 31, reportsDir: 'reports' };

describe('the per-request response-time bound of the profile (responseTimeMs)', () => {
  let runner: CheckRunner;
  beforeAll(async () => {
    runner = await CheckRunner.create({ only: ['execute-success', 'sync-limit'] });
  }, 60_000);
  afterAll(() => runner.close());

  const reference = async (
    extraLatencyMs: number,
    edit: (p: TargetProfile) => TargetProfile,
  ): Promise<ResolvedTarget> => {
    const target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 31, extraLatencyMs });
    return { ...target, profile: edit(target.profile) };
  };

  it('an execution slower than the bound fails naming endpoint, measured time and bound', async () => {
    const result = await verifyWith(
      runner,
      await reference(300, (p) => ({ ...p, responseTimeMs: { executeWorkflow: 100 } })),
      config.seed,
    );
    const slow = check(result, 'execute-success');
    expect(slow.outcome).toBe('failed');
    const failure = slow.failures.find((f) => f.code === 'RESPONSE_TIME');
    expect(failure).toMatchObject({
      endpoint: 'executeWorkflow',
      basis: 'inferred',
      schemaPath: 'profile: responseTimeMs.executeWorkflow',
    });
    expect(
      Number(/^(\d+) ms$/.exec(JSON.stringify(failure?.received ?? null).replace(/"/g, ''))?.[1]),
    ).toBeGreaterThanOrEqual(300);
    expect(failure?.message).toMatch(/executeWorkflow .*Received: \d+ ms .*at most 100 ms per request/);
    expect(failure?.curl).toMatch(/^curl .*-X POST/);
    // sync-limit waits past the sync limit on purpose: its own bound, exempt from this one.
    expect(check(result, 'sync-limit').failures.map((f) => f.code)).not.toContain('RESPONSE_TIME');
  }, 60_000);

  it('the same latency passes a bound that allows it, and an undeclared bound checks nothing', async () => {
    const allowed = await verifyWith(
      runner,
      await reference(0, (p) => ({ ...p, responseTimeMs: { executeWorkflow: 30_000 } })),
      config.seed,
    );
    expect(check(allowed, 'execute-success').outcome).toBe('passed');
    const undeclared = await verifyWith(runner, await reference(300, (p) => p), config.seed);
    expect(check(undeclared, 'execute-success').outcome).toBe('passed');
  }, 60_000);
});

/**
 * A deployment whose answers to other methods and to a wrong Content-Type are set per
 * test: what the docs leave open is observed (deviations) unless the profile declares it.
 */
describe('other methods and a wrong Content-Type: declared → failures, undeclared → deviations', () => {
  const mode = { method: 'allow' as 'allow' | 'no-allow' | 'accept', type: '415' as '415' | 'ignore' };
  let server: Server;
  let runner: CheckRunner;
  let url: string;
  beforeAll(async () => {
    runner = await CheckRunner.create({ only: ['other-methods', 'bad-request-content-type'] });
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        const ok = (): void =>
          void res.end(JSON.stringify({ conversationId: 'c-1', output: { Reply: 'hi' }, creditUsage: 1 }));
        if (req.method !== 'POST') {
          if (mode.method === 'accept') return ok();
          if (mode.method === 'allow') res.setHeader('allow', 'POST');
          res.statusCode = 405;
          return void res.end(JSON.stringify({ error: 'method not allowed' }));
        }
        if (req.headers['content-type'] !== 'application/json' && mode.type === '415') {
          res.statusCode = 415;
          return void res.end(JSON.stringify({ error: 'send application/json' }));
        }
        ok();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await runner.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const target = async (edit: (p: TargetProfile) => TargetProfile = (p) => p): Promise<ResolvedTarget> => {
    const resolved = await resolveTarget({ ...config, target: url }, { env: { HARNESS_API_KEY: 'k' } });
    return { ...resolved, profile: edit(resolved.profile) };
  };

  it('405 with Allow: POST and 415: typical, passing with nothing to note', async () => {
    Object.assign(mode, { method: 'allow', type: '415' });
    const result = await verifyWith(runner, await target(), config.seed);
    for (const id of ['other-methods', 'bad-request-content-type']) {
      expect(check(result, id).outcome, id).toBe('passed');
      expect(check(result, id).deviations, id).toBeUndefined();
    }
    // Per method, the statuses of the three endpoints in their order.
    expect(check(result, 'other-methods').observations?.['statusByMethod']).toMatchObject({
      GET: [405, 405, 405],
      DELETE: [405, 405, 405],
    });
  }, 60_000);

  it('a 405 without Allow: a deviation when undeclared, a failure when the profile declares 405', async () => {
    Object.assign(mode, { method: 'no-allow', type: '415' });
    const undeclared = check(await verifyWith(runner, await target(), config.seed), 'other-methods');
    expect(undeclared.outcome).toBe('passed');
    expect(undeclared.deviations?.[0]).toMatchObject({
      code: 'ALLOW_MISSING',
      basis: 'inferred',
      schemaPath: 'header:allow',
    });
    const declared = check(
      await verifyWith(runner, await target((p) => ({ ...p, otherMethodStatus: 405 })), config.seed),
      'other-methods',
    );
    expect(declared.outcome).toBe('failed');
    expect(declared.failures.map((f) => f.code)).toEqual(Array(12).fill('ALLOW_MISSING'));
  }, 60_000);

  it('other methods and a wrong Content-Type accepted with 200: deviations undeclared, failures declared', async () => {
    Object.assign(mode, { method: 'accept', type: 'ignore' });
    const undeclared = await verifyWith(runner, await target(), config.seed);
    expect(check(undeclared, 'other-methods').outcome).toBe('passed');
    expect(check(undeclared, 'other-methods').deviations?.map((d) => d.code)).toEqual(
      Array(12).fill('OTHER_METHOD_ACCEPTED'),
    );
    expect(check(undeclared, 'bad-request-content-type').deviations?.map((d) => d.code)).toEqual(
      Array(6).fill('CONTENT_TYPE_IGNORED'),
    );
    const declared = await verifyWith(
      runner,
      await target((p) => ({ ...p, otherMethodStatus: 404, wrongContentTypeStatus: 415 })),
      config.seed,
    );
    for (const id of ['other-methods', 'bad-request-content-type']) {
      const c = check(declared, id);
      expect(c.outcome, id).toBe('failed');
      expect(c.failures[0], id).toMatchObject({ code: 'WRONG_STATUS', basis: 'inferred', received: 200 });
    }
  }, 60_000);
});
