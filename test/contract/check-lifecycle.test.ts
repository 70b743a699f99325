import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vitest from 'vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckContext, CheckMeta, CheckRecord, CheckTarget } from '../../contracts/kit/index.js';
import { boundHint } from '../../src/config/index.js';
import { profileWith, targetWith } from '../support/fake-check.js';

/**
 * What `defineCheck` makes of a check body: the record `harness verify` reads back (failures,
 * deviations, observations, skip reason), a skip when a need is missing, a TRANSPORT failure when
 * no answer came, a CHECK_TIMEOUT naming the bound when the body does not end, and a failed test
 * whenever a failure was recorded. vitest's `test` is replaced so each check can be run and its
 * outcome read here, failing ones included.
 */
interface Registered {
  readonly name: string;
  readonly fn: (t: unknown) => Promise<void>;
  readonly timeout: number;
}
const state = vi.hoisted(() => {
  const held: { target: CheckTarget | undefined; registered: Registered[] } = {
    target: undefined,
    registered: [],
  };
  return held;
});

vi.mock('vitest', async (original) => ({
  ...(await original<typeof vitest>()),
  test: (name: string, fn: (t: unknown) => Promise<void>, timeout: number) => {
    state.registered.push({ name, fn, timeout });
  },
}));
vi.mock('../../contracts/kit/target-context.js', () => ({ getTarget: () => state.target }));

const { defineCheck } = await import('../../contracts/kit/define-check.js');
const { TransportError } = await import('../../contracts/kit/transport.js');

class Skipped extends Error {}

interface Outcome {
  readonly record: CheckRecord;
  readonly skipped?: string;
  readonly error?: Error;
  readonly timeout: number;
}

const meta: CheckMeta = {
  id: 'unit-check',
  title: 'A unit check',
  endpoints: ['executeWorkflow'],
  needs: [],
  basis: 'documented',
};

async function run(
  body: (ctx: CheckContext) => Promise<void>,
  options: { meta?: Partial<CheckMeta>; target?: CheckTarget } = {},
): Promise<Outcome> {
  state.target = options.target ?? targetWith();
  state.registered.length = 0;
  defineCheck({ ...meta, ...options.meta }, body);
  const [check] = state.registered;
  if (check === undefined) throw new Error('defineCheck registered no test');
  expect(check.name).toBe(options.meta?.id ?? meta.id);
  const t = {
    task: { meta: {} as { harness?: CheckRecord } },
    skip: (reason: string) => {
      throw new Skipped(reason);
    },
  };
  let skipped: string | undefined;
  let error: Error | undefined;
  try {
    await check.fn(t);
  } catch (e) {
    if (e instanceof Skipped) skipped = e.message;
    else error = e as Error;
  }
  const record = t.task.meta.harness;
  if (record === undefined) throw new Error('no record');
  return {
    record,
    timeout: check.timeout,
    ...(skipped === undefined ? {} : { skipped }),
    ...(error === undefined ? {} : { error }),
  };
}

const failure = (ctx: CheckContext, received: string): void => {
  ctx.findings.fail({ code: 'X', endpoint: 'executeWorkflow', schemaPath: 'p', received, documented: 'd' });
};

describe('defineCheck', () => {
  it('a clean check passes with its record: id, title, endpoints, basis and what it observed', async () => {
    const outcome = await run((ctx) => {
      ctx.findings.observe('polls', 2);
      expect(ctx.profile).toBe(ctx.target.profile);
      expect(ctx.seed).toBe(7);
      return Promise.resolve();
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.skipped).toBeUndefined();
    expect(outcome.record).toEqual({
      id: 'unit-check',
      title: 'A unit check',
      endpoints: ['executeWorkflow'],
      basis: 'documented',
      failures: [],
      deviations: [],
      observations: { polls: 2 },
    });
  });

  it('a recorded failure fails the test with every message, and is in the record', async () => {
    const outcome = await run((ctx) => {
      failure(ctx, 'one');
      failure(ctx, 'two');
      ctx.findings.typical({
        code: 'T',
        endpoint: 'executeWorkflow',
        schemaPath: 'p',
        received: 1,
        documented: 2,
      });
      return Promise.resolve();
    });
    expect(outcome.error?.message).toBe(
      'executeWorkflow p: Received: "one" / Documented: d\nexecuteWorkflow p: Received: "two" / Documented: d',
    );
    expect(outcome.record.failures.map((f) => f.received)).toEqual(['one', 'two']);
    expect(outcome.record.deviations.map((f) => f.code)).toEqual(['T']);
  });

  it('a missing need skips the check with the reason, before the body runs', async () => {
    let ran = false;
    const outcome = await run(
      () => {
        ran = true;
        return Promise.resolve();
      },
      { meta: { needs: ['workflow:slow'] } },
    );
    expect(ran).toBe(false);
    expect(outcome.skipped).toBe('needs workflow:slow: the profile declares no workflows.slow');
    expect(outcome.record.skipReason).toBe(outcome.skipped);
    expect([outcome.record.failures, outcome.record.deviations]).toEqual([[], []]);
  });

  it('a skip at run time skips the check; failures seen before it still fail it', async () => {
    const skipped = await run((ctx) => ctx.skip('no conversation came back'));
    expect(skipped.skipped).toBe('no conversation came back');
    expect(skipped.record.skipReason).toBe('no conversation came back');
    const failed = await run((ctx) => {
      failure(ctx, 'before');
      return ctx.skip('later');
    });
    expect(failed.skipped).toBeUndefined();
    expect(failed.record.skipReason).toBeUndefined();
    expect(failed.error?.message).toContain('Received: "before"');
  });

  it('no answer at all is a TRANSPORT failure with the request and its curl', async () => {
    const request = { method: 'POST', path: '/api/executeWorkflow', headers: {}, body: '' };
    const outcome = await run(() =>
      Promise.reject(
        new TransportError('executeWorkflow', request, 'POST /api/executeWorkflow: ECONNREFUSED', 'curl y'),
      ),
    );
    expect(outcome.record.failures).toEqual([
      expect.objectContaining({
        code: 'TRANSPORT',
        endpoint: 'executeWorkflow',
        request,
        curl: 'curl y',
        status: null,
        schemaPath: 'transport',
        received: 'POST /api/executeWorkflow: ECONNREFUSED',
        documented: 'an HTTP response',
      }),
    ]);
    const noCurl = await run(() => Promise.reject(new TransportError('executeWorkflow', request, 'reset')));
    expect(noCurl.record.failures[0]).not.toHaveProperty('curl');
    expect(noCurl.record.failures[0]?.message).toBe(
      'executeWorkflow transport: Received: reset / Documented: an HTTP response',
    );
  });

  it('any other error is the check erroring, passed on as is', async () => {
    const outcome = await run(() => Promise.reject(new Error('bug in the check')));
    expect(outcome.error?.message).toBe('bug in the check');
    expect(outcome.record.failures).toEqual([]);
  });

  it('a body that does not end is a CHECK_TIMEOUT at 3 × requestTimeoutMs, named, and later findings are not reported', async () => {
    let late: CheckContext | undefined;
    const outcome = await run(
      (ctx) => {
        late = ctx;
        return new Promise<void>(() => undefined);
      },
      { target: targetWith({ requestTimeoutMs: 10 }) },
    );
    expect(outcome.record.failures).toEqual([
      expect.objectContaining({
        code: 'CHECK_TIMEOUT',
        endpoint: '(check)',
        status: null,
        schemaPath: 'bound',
        received: 'no result within 30 ms',
        documented: `the check ends within its bound: 3 × requestTimeoutMs ${boundHint('requestTimeoutMs')}`,
      }),
    ]);
    expect(outcome.record.failures[0]?.message).toContain('Received: no result within 30 ms /');
    expect(outcome.timeout).toBe(5_030);
    if (late !== undefined) failure(late, 'too late');
    expect(outcome.record.failures).toHaveLength(1);
  });

  it("the check's own bound when larger than three requests, else three requests", async () => {
    const target = targetWith({ requestTimeoutMs: 10 });
    const own = await run(() => new Promise<void>(() => undefined), {
      target,
      meta: { bound: () => ({ ms: 40, from: 'polling.budgetMs' }) },
    });
    expect(own.record.failures[0]).toMatchObject({
      received: 'no result within 40 ms',
      documented: 'the check ends within its bound: polling.budgetMs',
    });
    expect(own.timeout).toBe(5_040);
    // An own bound equal to three requests does not replace them.
    const small = await run(() => new Promise<void>(() => undefined), {
      target,
      meta: { bound: () => ({ ms: 30, from: 'tiny' }) },
    });
    expect(small.timeout).toBe(5_030);
    expect(small.record.failures[0]?.documented).toBe(
      `the check ends within its bound: 3 × requestTimeoutMs ${boundHint('requestTimeoutMs')}`,
    );
    const defaults = await run(() => Promise.resolve(), { target: targetWith({ profile: profileWith() }) });
    expect(defaults.timeout).toBe(35_000);
  });
});

describe("the check's client", () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  it("enforces the profile's response-time bound on the check's requests", async () => {
    // No real request takes 0 ms: a bound of 0 is exceeded by every one.
    const profile = profileWith({ baseUrl, responseTimeMs: { executeWorkflow: 0 } });
    const outcome = await run(
      async (ctx) => {
        await ctx.api.post('executeWorkflow', {});
      },
      { target: targetWith({ profile }) },
    );
    expect(outcome.record.failures.map((f) => f.code)).toEqual(['RESPONSE_TIME']);
    expect(outcome.record.observations).toEqual({ responseTimeExceeded: { executeWorkflow: 1 } });
  });

  it('names the check in each recorded exchange (--har)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-check-har-'));
    try {
      const target = targetWith({ profile: profileWith({ baseUrl }), harSpoolDir: dir });
      await run(
        async (ctx) => {
          await ctx.api.post('executeWorkflow', {});
        },
        { target },
      );
      const text = readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('');
      expect(text).toContain('"comment":"check unit-check"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
