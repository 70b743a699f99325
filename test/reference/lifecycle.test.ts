import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors/index.js';
import { listWorkflows, startReference } from '../../reference/index.js';
import { ConversationStore } from '../../reference/engine/conversation-store.js';
import { EXAMPLE, post } from './support/client.js';

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('options', () => {
  it('refuses a non-loopback host with a HarnessError', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', 'example.org']) {
      const error = await errorOf(startReference({ host }));
      expect(isHarnessError(error) && error.code === 'HARNESS_ERR_REFERENCE_NOT_LOOPBACK', host).toBe(true);
    }
  });

  it('refuses out-of-range options', async () => {
    for (const options of [{ timeScale: 0 }, { port: 70000 }, { retention: 0 }, { seed: -1 }]) {
      const error = await errorOf(startReference(options));
      expect(
        isHarnessError(error) && error.code === 'HARNESS_ERR_REFERENCE_OPTION',
        JSON.stringify(options),
      ).toBe(true);
    }
  });

  it('uses given keys, generates distinct random ones otherwise, and a busy port is a HarnessError', async () => {
    const a = await startReference({ keys: { full: 'ref_given_full_key_123' } });
    try {
      expect(a.keys.full).toBe('ref_given_full_key_123');
      expect(a.keys.noPermission).toMatch(/^ref_[0-9a-f]{32}$/);
      expect(new Set(Object.values(a.keys)).size).toBe(3);
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(a.url).port);
      const error = await errorOf(startReference({ port }));
      expect(isHarnessError(error) && error.code === 'HARNESS_ERR_REFERENCE_LISTEN').toBe(true);
    } finally {
      await a.close();
    }
  });
});

describe('seeded behaviour', () => {
  async function flakyOutcomes(seed: number): Promise<string[]> {
    const ref = await startReference({ timeScale: 0.01, seed });
    try {
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await post(ref, 'executeWorkflow', {
          workflowId: 'flaky',
          version: 1,
          input: { Query: 'q' },
        });
        out.push(typeof r.json?.status === 'string' ? r.json.status : 'completed');
      }
      return out;
    } finally {
      await ref.close();
    }
  }

  it('the same seed reproduces the same failures; another seed differs', async () => {
    const [a, b, c] = [await flakyOutcomes(3), await flakyOutcomes(3), await flakyOutcomes(4)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

/** Readiness by ground truth: polls /__reference/info until `count` executions are in flight. */
async function untilInFlight(url: string, count: number): Promise<void> {
  for (;;) {
    const info = (await (await fetch(`${url}/__reference/info`)).json()) as { inFlight: number };
    if (info.inFlight >= count) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('drain on close', () => {
  it('lets in-flight background work finish before close resolves', async () => {
    const ref = await startReference({ timeScale: 0.01, drainTimeoutMs: 5000 });
    const r = await post(ref, 'executeWorkflowBackground', {
      workflowId: 'slow',
      version: 1,
      input: { Task: 't', 'Target Seconds': 30 },
    });
    expect(r.status).toBe(200);
    // ~300 ms of work was in flight: close waited for it (drained) instead of dropping it (shutdown).
    expect(await ref.close()).toEqual({ drained: 1, shutdown: 0 });
    await expect(fetch(`${ref.url}/__reference/health`)).rejects.toThrow();
  });

  it('past drainTimeoutMs, an in-flight sync execution is answered as failed with a shutdown error', async () => {
    const ref = await startReference({ timeScale: 0.01, drainTimeoutMs: 50, syncLimitMs: 100_000 });
    const pending = post(ref, 'executeWorkflow', {
      workflowId: 'slow',
      version: 1,
      input: { Task: 't', 'Target Seconds': 100 },
    });
    await untilInFlight(ref.url, 1);
    expect(await ref.close()).toEqual({ drained: 0, shutdown: 1 });
    const reply = await pending;
    expect(reply.json).toMatchObject({ status: 'failed' });
    expect(String((reply.json?.errors as string[])[0])).toMatch(/shutdown/);
  });
});

describe('retention', () => {
  it('keeps at most `retention` conversations over HTTP, evicting the oldest finished ones', async () => {
    const ref = await startReference({ timeScale: 0.01, retention: 5 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 8; i++)
        ids.push(
          String(
            (
              await post(ref, 'executeWorkflow', {
                workflowId: 'echo',
                version: 1,
                input: { Message: `${i}` },
              })
            ).json?.conversationId,
          ),
        );
      const info = (await (await fetch(`${ref.url}/__reference/info`)).json()) as { conversations: number };
      expect(info.conversations).toBe(5);
      expect(
        (await post(ref, 'getConversationById', { workflowId: 'echo', conversationId: ids[0] })).status,
      ).toBe(404);
      expect(
        (await post(ref, 'getConversationById', { workflowId: 'echo', conversationId: ids[7] })).status,
      ).toBe(200);
    } finally {
      await ref.close();
    }
  });

  it('never evicts a conversation whose turn is still running', () => {
    const store = new ConversationStore(2);
    const running = store.create('slow', 1, 'full');
    running.turns.push({
      mode: 'background',
      status: 'running',
      input: {},
      output: null,
      executionPath: [],
      errors: [],
      warnings: [],
      creditUsage: 0,
      queuedAt: 0,
      startedAt: 0,
      finishedAt: null,
    });
    const done = store.create('echo', 1, 'full');
    const turn = running.turns[0];
    if (turn === undefined) throw new Error('no turn');
    done.turns.push({ ...turn, status: 'completed', finishedAt: 1 });
    store.create('echo', 1, 'full');
    expect(store.get(running.id)).toBe(running);
    expect(store.get(done.id)).toBeUndefined();
    expect(store.size).toBe(2);
  });
});

describe('catalogue', () => {
  it('lists the docs example (v1 and v2), echo, slow, flaky and chat with their components', () => {
    const workflows = listWorkflows();
    const ids = workflows.map((w) => `${w.id}@${w.version}`);
    for (const id of ['12345@1', '12345@2', 'echo@1', 'slow@1', 'flaky@1', 'chat@1'])
      expect(ids).toContain(id);
    expect(workflows.find((w) => w.id === '12345' && w.version === 1)).toMatchObject({
      role: 'fast',
      versions: [1, 2],
      inputComponents: { 'First Name': 'text', Age: 'number' },
      outputComponents: { 'Analysis Results': 'text', 'Risk Score': 'number' },
    });
  });

  it('every sample input is accepted by its own workflow', async () => {
    const ref = await startReference({ timeScale: 0.001 });
    try {
      for (const w of listWorkflows()) {
        const r = await post(ref, 'executeWorkflowBackground', {
          workflowId: w.id,
          version: w.version,
          input: w.sampleInput,
        });
        expect(r.status, `${w.id}@${w.version}: ${r.text}`).toBe(200);
      }
      expect((await post(ref, 'executeWorkflow', EXAMPLE)).status).toBe(200);
    } finally {
      await ref.close();
    }
  });
});
