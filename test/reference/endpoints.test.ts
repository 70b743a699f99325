import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { startReference, type RunningReference } from '../../reference/index.js';
import { EXAMPLE, post, waitForTerminal } from './support/client.js';

const contract = new ContractValidator();
let ref: RunningReference;
beforeAll(async () => {
  ref = await startReference({ timeScale: 0.01, seed: 42 });
});
afterAll(async () => {
  await ref.close();
});

describe('executeWorkflow (sync)', () => {
  it('answers the documented shape with application/json, the output components and a positive creditUsage', async () => {
    const reply = await post(ref, 'executeWorkflow', EXAMPLE);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^application\/json/);
    expect(contract.validate('execute-response.schema.json', reply.json).errors).toEqual([]);
    expect(reply.json?.creditUsage).toBe(10);
  });

  it('saves every execution as a conversation readable by getConversationById', async () => {
    const reply = await post(ref, 'executeWorkflow', EXAMPLE);
    const conv = await post(ref, 'getConversationById', {
      workflowId: '12345',
      conversationId: reply.json?.conversationId,
    });
    expect(conv.status).toBe(200);
    expect(contract.validate('conversation.schema.json', conv.json).errors).toEqual([]);
    expect(conv.json).toMatchObject({
      status: 'completed',
      input: EXAMPLE.input,
      output: reply.json?.output,
      creditUsage: 10,
    });
    expect((conv.json?.executionPath as string[]).length).toBeGreaterThan(0);
  });

  it('continues a conversation: same id back, turns grow, the conversational output depends on history, credits add up', async () => {
    const first = await post(ref, 'executeWorkflow', {
      workflowId: 'chat',
      version: 1,
      input: { Message: 'I am John' },
    });
    const id = first.json?.conversationId;
    const second = await post(ref, 'executeWorkflow', {
      workflowId: 'chat',
      version: 1,
      input: { Message: 'what is my name?' },
      conversationId: id,
    });
    expect(second.status).toBe(200);
    expect(second.json?.conversationId).toBe(id);
    expect(second.json?.output).toMatchObject({ Turn: 2 });
    expect(String((second.json?.output as Record<string, unknown>).Reply)).toContain('I am John');
    const conv = await post(ref, 'getConversationById', { workflowId: 'chat', conversationId: id });
    expect((conv.json?.turns as unknown[]).length).toBe(2);
    expect(conv.json?.creditUsage).toBe(6);
  });
});

describe('executeWorkflowBackground', () => {
  it('returns at once with creditUsage 0; the execution completes later and its final usage is in the conversation', async () => {
    const reply = await post(ref, 'executeWorkflowBackground', {
      workflowId: 'slow',
      version: 1,
      input: { Task: 'report', 'Target Seconds': 20 },
    });
    expect(reply.status).toBe(200);
    expect(contract.validate('background-response.schema.json', reply.json).errors).toEqual([]);
    expect(reply.json?.creditUsage).toBe(0);
    const id = String(reply.json?.conversationId);
    const early = await post(ref, 'getConversationById', { workflowId: 'slow', conversationId: id });
    expect(['queued', 'running']).toContain(early.json?.status);
    expect(early.json?.output).toBeNull();
    const done = await waitForTerminal(ref, 'slow', id);
    expect(done).toMatchObject({ status: 'completed', creditUsage: 25 });
    expect(contract.validate('conversation.schema.json', done).errors).toEqual([]);
    const turn = (done.turns as Array<Record<string, string>>)[0];
    expect(Date.parse(turn?.finishedAt ?? '') - Date.parse(turn?.startedAt ?? '')).toBeGreaterThanOrEqual(
      150,
    );
  });

  it('records flaky failures as status failed with errors[], and warnings', async () => {
    const finals = [];
    for (let i = 0; i < 16; i++) {
      const reply = await post(ref, 'executeWorkflowBackground', {
        workflowId: 'flaky',
        version: 1,
        input: { Query: `q${i}` },
      });
      finals.push(await waitForTerminal(ref, 'flaky', String(reply.json?.conversationId)));
    }
    const failed = finals.filter((c) => c.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(16);
    for (const c of failed) expect((c.errors as string[]).length).toBeGreaterThan(0);
    expect(finals.some((c) => (c.warnings as string[]).length > 0)).toBe(true);
  });
});

describe('ground truth and profile', () => {
  it('serves health, info and per-turn epoch-ms timings without a key', async () => {
    expect(await (await fetch(`${ref.url}/__reference/health`)).json()).toEqual({ ok: true });
    const info = (await (await fetch(`${ref.url}/__reference/info`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ timeScale: 0.01, seed: 42, faults: [] });
    const reply = await post(ref, 'executeWorkflow', EXAMPLE);
    const truth = (await (
      await fetch(`${ref.url}/__reference/executions/${String(reply.json?.conversationId)}`)
    ).json()) as { turns: Array<Record<string, number>> };
    const turn = truth.turns[0];
    expect(turn?.finishedAt).toBeGreaterThanOrEqual(turn?.startedAt ?? Infinity);
    expect(Math.abs((turn?.finishedAt ?? 0) - Date.now())).toBeLessThan(5000);
  });

  it('profile() is a valid TargetProfile for this instance and keyEnv() names its keys', () => {
    const profile = ref.profile();
    expect(contract.validate('target-profile.schema.json', profile).errors).toEqual([]);
    expect(profile).toMatchObject({
      name: 'reference',
      baseUrl: ref.url,
      apiKeyEnv: 'HARNESS_REFERENCE_KEY',
      syncLimit: { limitMs: 300, timeoutStatus: 504, completesAfterTimeout: true },
    });
    expect(profile.workflows.fast).toMatchObject({
      workflowId: '12345',
      version: 1,
      sampleInput: { 'First Name': 'John', Age: 30 },
    });
    expect(ref.keyEnv()).toEqual({
      HARNESS_REFERENCE_KEY: ref.keys.full,
      HARNESS_REFERENCE_KEY_NO_PERMISSION: ref.keys.noPermission,
      HARNESS_REFERENCE_KEY_NO_CREDITS: ref.keys.noCredits,
    });
    expect(JSON.stringify(profile)).not.toContain(ref.keys.full);
  });
});
