import { afterAll, describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors/index.js';
import { listFaults, startReference, type RunningReference } from '../../reference/index.js';
import { EXAMPLE, post, waitForTerminal, type Reply } from './support/client.js';

const started: RunningReference[] = [];
async function withFault(name: string): Promise<RunningReference> {
  const ref = await startReference({ timeScale: 0.01, faults: [name], drainTimeoutMs: 100 });
  started.push(ref);
  return ref;
}
afterAll(async () => {
  await Promise.all(started.map((ref) => ref.close()));
});

/**
 * One probe per fault: it must observe the violation on the wire with the fault on,
 * and the same probe must see the documented behaviour without it.
 */
const probes: Record<string, (ref: RunningReference) => Promise<boolean>> = {
  'renamed-field': async (ref) => {
    const r = await post(ref, 'executeWorkflow', EXAMPLE);
    return r.status === 200 && !('creditUsage' in (r.json ?? {})) && typeof r.json?.credits === 'number';
  },
  'mistyped-field': async (ref) =>
    typeof (await post(ref, 'executeWorkflow', EXAMPLE)).json?.creditUsage === 'string',
  'wrong-status': async (ref) =>
    (await post(ref, 'executeWorkflow', { ...EXAMPLE, workflowId: 'missing' })).status === 400,
  'error-shape': async (ref) => {
    const r = await post(ref, 'executeWorkflow', EXAMPLE, 'bad-key');
    return r.status === 401 && r.json?.error === undefined && typeof r.json?.message === 'string';
  },
  'missing-output-component': async (ref) => {
    const r = await post(ref, 'executeWorkflow', EXAMPLE);
    const conv = await post(ref, 'getConversationById', {
      workflowId: '12345',
      conversationId: r.json?.conversationId,
    });
    const has = (reply: Reply): boolean =>
      'Risk Score' in ((reply.json?.output as Record<string, unknown> | undefined) ?? {});
    return r.status === 200 && !has(r) && !has(conv);
  },
  'wrong-content-type': async (ref) =>
    (await post(ref, 'executeWorkflow', EXAMPLE)).contentType?.startsWith('text/plain') === true,
  'background-never-completes': async (ref) => {
    const r = await post(ref, 'executeWorkflowBackground', EXAMPLE);
    try {
      await waitForTerminal(ref, '12345', String(r.json?.conversationId), 400);
      return false;
    } catch {
      return true;
    }
  },
  'intermittent-500': async (ref) => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(ref, 'executeWorkflow', EXAMPLE)).status);
    return statuses.filter((s) => s === 500).length === 2 && statuses.filter((s) => s === 200).length === 8;
  },
  'new-conversation-id': async (ref) => {
    const first = await post(ref, 'executeWorkflow', {
      workflowId: 'chat',
      version: 1,
      input: { Message: 'a' },
    });
    const second = await post(ref, 'executeWorkflow', {
      workflowId: 'chat',
      version: 1,
      input: { Message: 'b' },
      conversationId: first.json?.conversationId,
    });
    return second.status === 200 && second.json?.conversationId !== first.json?.conversationId;
  },
  'auth-ignored': async (ref) =>
    (await post(ref, 'executeWorkflow', EXAMPLE, 'not-a-key')).status === 200 &&
    (await post(ref, 'executeWorkflow', EXAMPLE, null)).status === 200,
};

describe('fault catalogue', () => {
  it('lists at least 10 faults, each with a name, title and what it violates', () => {
    const faults = listFaults();
    expect(faults.length).toBeGreaterThanOrEqual(10);
    for (const f of faults) {
      expect(f.name).toMatch(/^[a-z0-9-]+$/);
      expect(f.title.length).toBeGreaterThan(5);
      expect(f.violates.length).toBeGreaterThan(5);
    }
    for (const name of Object.keys(probes)) expect(faults.map((f) => f.name)).toContain(name);
  });

  it('refuses an unknown fault with a HarnessError listing the known ones', async () => {
    const error: unknown = await startReference({ faults: ['no-such-fault'] }).catch((e: unknown) => e);
    expect(isHarnessError(error) && error.code === 'HARNESS_ERR_UNKNOWN_FAULT').toBe(true);
    expect(isHarnessError(error) ? error.hint : '').toContain('renamed-field');
  });

  it('without faults, no probe sees a violation', async () => {
    const clean = await startReference({ timeScale: 0.01, drainTimeoutMs: 100 });
    started.push(clean);
    for (const [name, probe] of Object.entries(probes)) expect(await probe(clean), name).toBe(false);
  });

  for (const [name, probe] of Object.entries(probes)) {
    it(`${name} really changes the wire behaviour`, async () => {
      expect(await probe(await withFault(name))).toBe(true);
    });
  }

  it('faults combine', async () => {
    const ref = await startReference({ timeScale: 0.01, faults: ['renamed-field', 'wrong-content-type'] });
    started.push(ref);
    const r = await post(ref, 'executeWorkflow', EXAMPLE);
    expect(r.contentType).toMatch(/^text\/plain/);
    expect(r.json).toHaveProperty('credits');
  });
});
