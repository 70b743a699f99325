import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/index.js';
import { post, waitForTerminal } from './support/client.js';

// Time scale 0.01: the 30 s limit is 300 ms; a 90 s slow execution runs ~900 ms.
let ref: RunningReference;
beforeAll(async () => {
  ref = await startReference({ timeScale: 0.01 });
});
afterAll(async () => {
  await ref.close();
});

describe('sync limit (scaled 30 s)', () => {
  it('answers 504 {error, conversationId} at the limit, and the execution still finishes into its conversation', async () => {
    const started = performance.now();
    const reply = await post(ref, 'executeWorkflow', {
      workflowId: 'slow',
      version: 1,
      input: { Task: 'report', 'Target Seconds': 90 },
    });
    const elapsed = performance.now() - started;
    expect(reply.status).toBe(504);
    expect(typeof reply.json?.error).toBe('string');
    const answeredAt = performance.timeOrigin + performance.now();
    expect(elapsed).toBeGreaterThanOrEqual(290);
    const id = String(reply.json?.conversationId);
    const done = await waitForTerminal(ref, 'slow', id);
    expect(done).toMatchObject({ status: 'completed', creditUsage: 25 });
    const truth = (await (await fetch(`${ref.url}/__reference/executions/${id}`)).json()) as {
      turns: Array<{ durationMs: number; finishedAt: number }>;
    };
    expect(truth.turns[0]?.durationMs).toBeGreaterThan(700);
    // The answer came from the limit, before the execution's own end (ground truth), not from its completion.
    expect(answeredAt).toBeLessThan(truth.turns[0]?.finishedAt ?? 0);
  });

  it('waits for an execution that ends inside the limit', async () => {
    const reply = await post(ref, 'executeWorkflow', {
      workflowId: 'slow',
      version: 1,
      input: { Task: 'short', 'Target Seconds': 10 },
    });
    expect(reply.status).toBe(200);
    expect(reply.json?.output).toMatchObject({ Report: 'Report on short: done' });
  });

  it('the unpinned slow distribution crosses the limit for some executions and not for others', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        post(ref, 'executeWorkflow', { workflowId: 'slow', version: 1, input: { Task: 'dist' } }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(504);
  });

  it('extraLatencyMs slows every execution (unscaled)', async () => {
    const slowed = await startReference({ timeScale: 0.01, extraLatencyMs: 120 });
    try {
      const started = performance.now();
      const reply = await post(slowed, 'executeWorkflow', {
        workflowId: 'echo',
        version: 1,
        input: { Message: 'x' },
      });
      expect(reply.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    } finally {
      await slowed.close();
    }
  });
});
