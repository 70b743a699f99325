import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { startReference, type RunningReference } from '../../reference/index.js';
import { EXAMPLE, post, raw, type Reply } from './support/client.js';

const contract = new ContractValidator();
let ref: RunningReference;
beforeAll(async () => {
  ref = await startReference({ timeScale: 0.01 });
});
afterAll(async () => {
  await ref.close();
});

/** Every error is {"error": "<non-empty message>"} with a JSON content type. */
function expectError(reply: Reply, status: number, message?: RegExp): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.contentType).toMatch(/^application\/json/);
  expect(contract.validate('error-body.schema.json', reply.json).errors).toEqual([]);
  if (message !== undefined) expect(String(reply.json?.error)).toMatch(message);
}

describe('auth (401)', () => {
  it('answers a missing and an unknown key with 401 and the same message', async () => {
    const missing = await post(ref, 'executeWorkflow', EXAMPLE, null);
    const unknown = await post(ref, 'executeWorkflow', EXAMPLE, `${ref.keys.full}x`);
    expectError(missing, 401);
    expectError(unknown, 401);
    expect(missing.json?.error).toBe(unknown.json?.error);
    expectError(
      await post(ref, 'getConversationById', { workflowId: '12345', conversationId: 'x' }, 'nope'),
      401,
    );
    expectError(await post(ref, 'executeWorkflowBackground', EXAMPLE, ''), 401);
  });

  it('checks auth before the body: a bad key with a malformed body is 401', async () => {
    expectError(
      await raw(ref, 'executeWorkflow', {
        body: '{oops',
        headers: { 'x-api-key': 'wrong', 'content-type': 'application/json' },
      }),
      401,
    );
  });
});

describe('body (400, never 413/415/500)', () => {
  it.each([
    [
      'malformed JSON',
      { body: '{"workflowId": ', headers: { 'content-type': 'application/json' } },
      /malformed JSON/,
    ],
    [
      'wrong content type',
      { body: JSON.stringify(EXAMPLE), headers: { 'content-type': 'text/plain' } },
      /Content-Type/,
    ],
    ['no content type and no body', {}, /Content-Type/],
    ['empty JSON body', { body: '', headers: { 'content-type': 'application/json' } }, /empty/],
    ['a JSON array', { body: '[1]', headers: { 'content-type': 'application/json' } }, /JSON object/],
    [
      'oversized body (> 1 MiB)',
      {
        body: JSON.stringify({ ...EXAMPLE, pad: 'x'.repeat(1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      },
      /1 MiB/,
    ],
  ])('%s → 400', async (_name, init, message) => {
    expectError(await raw(ref, 'executeWorkflow', init), 400, message);
  });

  it.each([
    ['missing workflowId', { version: 1, input: {} }, /workflowId/],
    ['version as a string', { workflowId: '12345', version: '1', input: {} }, /version must be number/],
    ['input missing', { workflowId: '12345', version: 1 }, /input/],
    ['input not an object', { workflowId: '12345', version: 1, input: 'John' }, /input must be object/],
    ['conversationId not a string', { ...EXAMPLE, conversationId: 5 }, /conversationId/],
  ])('%s → 400', async (_name, body, message) => {
    expectError(await post(ref, 'executeWorkflow', body), 400, message);
    expectError(await post(ref, 'executeWorkflowBackground', body), 400, message);
  });

  it('checks the body before the workflow: malformed fields on an unknown workflow are 400', async () => {
    expectError(await post(ref, 'executeWorkflow', { workflowId: 'nope', version: 'x', input: {} }), 400);
  });
});

describe('workflow (404) → permission (403) → input (400) → credits (400)', () => {
  it('unknown workflow and unknown version → 404', async () => {
    expectError(
      await post(ref, 'executeWorkflow', { ...EXAMPLE, workflowId: 'no-such-workflow' }),
      404,
      /not found/,
    );
    expectError(await post(ref, 'executeWorkflow', { ...EXAMPLE, version: 3 }), 404, /no version 3/);
    expectError(await post(ref, 'executeWorkflowBackground', { ...EXAMPLE, version: 3 }), 404);
  });

  it('a key without permission for 12345 → 403, even with a bad input; it may run other workflows', async () => {
    expectError(await post(ref, 'executeWorkflow', EXAMPLE, ref.keys.noPermission), 403, /permission/);
    expectError(await post(ref, 'executeWorkflow', { ...EXAMPLE, input: {} }, ref.keys.noPermission), 403);
    expect(
      (
        await post(
          ref,
          'executeWorkflow',
          { workflowId: 'echo', version: 1, input: { Message: 'hi' } },
          ref.keys.noPermission,
        )
      ).status,
    ).toBe(200);
    // 404 comes before 403.
    expectError(await post(ref, 'executeWorkflow', { ...EXAMPLE, version: 9 }, ref.keys.noPermission), 404);
  });

  it('input not matching the input components → 400 naming the component', async () => {
    expectError(
      await post(ref, 'executeWorkflow', { ...EXAMPLE, input: { 'First Name': 'John' } }),
      400,
      /"Age"/,
    );
    expectError(
      await post(ref, 'executeWorkflow', { ...EXAMPLE, input: { 'First Name': 'John', Age: '30' } }),
      400,
      /Age must be number/,
    );
    expectError(
      await post(ref, 'executeWorkflow', { ...EXAMPLE, input: { ...EXAMPLE.input, Height: 180 } }),
      400,
      /"Height"/,
    );
  });

  it('insufficient credits → 400, after the input check', async () => {
    expectError(await post(ref, 'executeWorkflow', EXAMPLE, ref.keys.noCredits), 400, /insufficient credits/);
    expectError(
      await post(ref, 'executeWorkflowBackground', EXAMPLE, ref.keys.noCredits),
      400,
      /insufficient credits/,
    );
    expectError(
      await post(ref, 'executeWorkflow', { ...EXAMPLE, input: {} }, ref.keys.noCredits),
      400,
      /input/,
    );
  });
});

describe('conversations (404/403)', () => {
  it('an unknown conversationId on execute → 404', async () => {
    expectError(
      await post(ref, 'executeWorkflow', { ...EXAMPLE, conversationId: 'no-such-conversation' }),
      404,
      /conversation/,
    );
  });

  it('getConversationById: unknown id or another workflow → 404; another account → 403; bad body → 400', async () => {
    const mine = await post(ref, 'executeWorkflow', {
      workflowId: 'echo',
      version: 1,
      input: { Message: 'a' },
    });
    const id = mine.json?.conversationId;
    expectError(await post(ref, 'getConversationById', { workflowId: 'echo', conversationId: 'nope' }), 404);
    expectError(await post(ref, 'getConversationById', { workflowId: 'chat', conversationId: id }), 404);
    expectError(
      await post(
        ref,
        'getConversationById',
        { workflowId: 'echo', conversationId: id },
        ref.keys.noPermission,
      ),
      403,
    );
    expectError(
      await post(
        ref,
        'executeWorkflow',
        { workflowId: 'echo', version: 1, input: { Message: 'b' }, conversationId: id },
        ref.keys.noPermission,
      ),
      403,
    );
    expectError(await post(ref, 'getConversationById', { workflowId: 'echo' }), 400, /conversationId/);
  });

  it('an unknown path is a JSON 404, not a crash', async () => {
    expectError(await post(ref, 'nope', EXAMPLE), 404);
  });
});
