import { describe, expect, it } from 'vitest';
import { conversationRole, startConversation } from '../../contracts/kit/conversation-steps.js';
import { answer, FAST, fakeContext, profileWith } from '../support/fake-check.js';

/**
 * The conversation checks start a conversation with one execution, then read it and continue it:
 * each step must talk about the conversation the first answer named, and a first answer that
 * names none is recorded as the reason, not taken for a conversation.
 */
const chat = { ...FAST, workflowId: 'chat', version: 2, sampleInput: { Message: 'hi' } };
const withChat = profileWith({ workflows: { fast: FAST, conversational: chat } });

describe('conversationRole', () => {
  it('the conversational workflow where the profile declares one, else the fast one', () => {
    expect(conversationRole({ profile: withChat })).toBe('conversational');
    expect(conversationRole({ profile: profileWith() })).toBe('fast');
  });
});

describe('startConversation', () => {
  it("starts with the role's sample input, then reads and continues that conversation", async () => {
    const { ctx, calls, findings } = fakeContext(() => answer(200, { conversationId: 'conv-9' }), withChat);
    const started = await startConversation(ctx, 'conversational');
    expect(started?.id).toBe('conv-9');
    expect(started?.first.status).toBe(200);
    await started?.read();
    await started?.continueWith();
    await started?.continueWith('executeWorkflowBackground');
    expect(calls).toEqual([
      { endpoint: 'executeWorkflow', body: { workflowId: 'chat', version: 2, input: { Message: 'hi' } } },
      { endpoint: 'getConversationById', body: { workflowId: 'chat', conversationId: 'conv-9' } },
      {
        endpoint: 'executeWorkflow',
        body: { workflowId: 'chat', version: 2, input: { Message: 'hi' }, conversationId: 'conv-9' },
      },
      {
        endpoint: 'executeWorkflowBackground',
        body: { workflowId: 'chat', version: 2, input: { Message: 'hi' }, conversationId: 'conv-9' },
      },
    ]);
    expect(findings.failures).toEqual([]);
  });

  it('an answer other than 200 is recorded as the status failure, and no conversation', async () => {
    const { ctx, findings } = fakeContext(() => answer(500, { error: 'boom' }));
    expect(await startConversation(ctx, 'fast')).toBeUndefined();
    expect(findings.failures.map((f) => [f.code, f.schemaPath])).toEqual([['SERVER_ERROR', 'status']]);
  });

  it('a 200 without a conversationId string is held to its schema, and no conversation', async () => {
    const { ctx, findings } = fakeContext(() =>
      answer(200, { conversationId: 42, output: {}, creditUsage: 1 }),
    );
    expect(await startConversation(ctx, 'fast')).toBeUndefined();
    expect(findings.failures.map((f) => [f.code, f.instancePath])).toEqual([
      ['SCHEMA_VIOLATION', '/conversationId'],
    ]);
  });
});
