import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSection } from '../../src/report/sections.js';
import {
  resolveTarget,
  startEmbedded,
  type ResolvedTarget,
  type TargetProfile,
} from '../../src/target/index.js';
import { CheckRunner, printPretty } from '../../src/verify/index.js';
import { checkOf as check, verifyWith } from './verify-with.js';

const config = { timeScale: 0.02, faults: [], seed: 21, reportsDir: 'reports' };

/** The embedded reference (with faults) under a profile changed by `edit`. */
async function reference(
  faults: string[],
  edit: (p: TargetProfile) => TargetProfile = (p) => p,
): Promise<ResolvedTarget> {
  const target = await startEmbedded({ timeScale: 0.02, faults, seed: 21 });
  return { ...target, profile: edit(target.profile) };
}

describe('typical and undeclared expectations are observed apart from failures', () => {
  let runner: CheckRunner;
  let server: Server;
  beforeAll(async () => {
    runner = await CheckRunner.create({ filter: ['background-submit', 'credit-accounting'] });
    // A deployment whose background submit reports 3 credits at once: the docs only say "typically 0".
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        // Its conversations carry a credit total that is neither the sum nor the last turn's.
        if (req.url === '/api/getConversationById') {
          res.end(
            JSON.stringify({
              conversationId: 'c-1',
              status: 'completed',
              output: { Reply: 'hi' },
              creditUsage: 99,
            }),
          );
        } else if (req.url === '/api/executeWorkflowBackground')
          res.end(JSON.stringify({ conversationId: `c-${Math.random()}`, creditUsage: 3 }));
        else res.end(JSON.stringify({ conversationId: 'c-1', output: { Reply: 'hi' }, creditUsage: 1 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }, 60_000);
  afterAll(async () => {
    await runner.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('creditUsage ≠ 0 at background submit: a typical deviation, not a failure, in verify.json and the console', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target = await resolveTarget({ ...config, target: url }, { env: { HARNESS_API_KEY: 'k' } });
    const result = await verifyWith(runner, target, config.seed);
    const submit = check(result, 'background-submit');
    expect(submit.outcome).toBe('passed');
    expect(submit.deviations).toEqual([
      expect.objectContaining({ code: 'UNEXPECTED_VALUE', basis: 'typical', received: 3, documented: 0 }),
    ]);
    // Undeclared accounting that matches neither sum nor last: an inferred deviation, not a failure.
    const accounting = check(result, 'credit-accounting');
    expect(accounting.outcome).toBe('passed');
    expect(accounting.deviations?.[0]).toMatchObject({ code: 'CREDIT_ACCOUNTING', basis: 'inferred' });
    expect(result.summary.deviations).toBe(2);
    expect(contractSection(result)).toMatch(/Observed, not failures[\s\S]*typical/);
    expect(printPretty(result)).toMatch(
      /Observed, not failures[\s\S]*~ background-submit \[UNEXPECTED_VALUE, typical\]/,
    );
  }, 60_000);

  it('credit accounting: the last turn only fails a profile declaring sum, and is observed when undeclared', async () => {
    const declared = await verifyWith(runner, await reference(['credit-last-turn']), config.seed);
    expect(check(declared, 'credit-accounting').outcome).toBe('failed');
    expect(check(declared, 'credit-accounting').failures[0]).toMatchObject({
      code: 'CREDIT_ACCOUNTING',
      basis: 'inferred',
    });
    const undeclared = await verifyWith(
      runner,
      await reference(['credit-last-turn'], (p) => ({
        ...p,
        conversation: { ...p.conversation, creditAccounting: 'undeclared' },
      })),
      config.seed,
    );
    const c = check(undeclared, 'credit-accounting');
    expect(c.outcome).toBe('passed');
    // Undeclared and matching one of the two readings: observed, not even a deviation.
    expect(c.deviations).toBeUndefined();
    expect(c.observations).toMatchObject({ accounting: { matches: 'last' } });
    const last = await verifyWith(
      runner,
      await reference(['credit-last-turn'], (p) => ({
        ...p,
        conversation: { ...p.conversation, creditAccounting: 'last' },
      })),
      config.seed,
    );
    expect(check(last, 'credit-accounting').outcome).toBe('passed');
  }, 120_000);
});

describe('timing compares like with like, within stated margins', () => {
  let runner: CheckRunner;
  beforeAll(async () => {
    runner = await CheckRunner.create({ filter: ['sync-limit', 'background-submit'] });
  }, 60_000);
  afterAll(() => runner.close());

  it('sync-limit fails a profile declaring 30 000 ms against the 600 ms reference, and passes the true limit', async () => {
    const wrong = await verifyWith(
      runner,
      await reference([], (p) => ({ ...p, syncLimit: { ...p.syncLimit, limitMs: 30_000 } })),
      config.seed,
    );
    expect(check(wrong, 'sync-limit').failures.map((f) => f.code)).toContain('SYNC_LIMIT_MISMATCH');
    const right = await verifyWith(runner, await reference([]), config.seed);
    expect(check(right, 'sync-limit').outcome).toBe('passed');
    expect(check(right, 'sync-limit').observations).toMatchObject({ limitWindow: { fromMs: 540 } });
  }, 120_000);

  it('a submit held for half the sync limit fails against the default bound and passes a profile allowing it', async () => {
    const held = await verifyWith(runner, await reference(['slow-background-submit']), config.seed);
    expect(check(held, 'background-submit').failures.map((f) => f.code)).toEqual(['NOT_IMMEDIATE']);
    expect(check(held, 'background-submit').failures[0]?.documented).toMatch(/10 % of syncLimit\.limitMs/);
    const allowed = await verifyWith(
      runner,
      await reference(['slow-background-submit'], (p) => ({ ...p, background: { immediateMs: 1_000 } })),
      config.seed,
    );
    expect(check(allowed, 'background-submit').outcome).toBe('passed');
  }, 120_000);
});

describe('every wait ends naming its bound', () => {
  let runner: CheckRunner;
  beforeAll(async () => {
    runner = await CheckRunner.create({ filter: ['conversation-continuation', 'background-lifecycle'] });
  }, 60_000);
  afterAll(() => runner.close());

  it('a profile whose status pointer finds nothing: NOT_TERMINAL naming polling.budgetMs, not a test timeout', async () => {
    const result = await verifyWith(
      runner,
      await reference([], (p) => ({
        ...p,
        conversation: { ...p.conversation, statusPointer: '/no-such-status' },
        polling: { ...p.polling, budgetMs: 1_500 },
      })),
      config.seed,
    );
    for (const id of ['conversation-continuation', 'background-lifecycle']) {
      const failures = check(result, id).failures;
      expect(
        failures.map((f) => f.code),
        id,
      ).toEqual(['NOT_TERMINAL']);
      expect(JSON.stringify(failures[0]?.documented)).toMatch(/1500 ms/);
      expect(JSON.stringify(failures)).not.toMatch(/timed out in|testTimeout/);
    }
  }, 120_000);
});
