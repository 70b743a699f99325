import { randomBytes } from 'node:crypto';
import {
  containsText,
  defineCheck,
  executeBody,
  getPointer,
  markedBody,
  workflow,
  type ApiResponse,
  type CheckContext,
} from './kit/index.js';

interface Created {
  readonly id: string;
  readonly marker: string;
  readonly res: ApiResponse;
}

async function create(ctx: CheckContext, marker: string): Promise<Created | undefined> {
  const res = await ctx.api.post('executeWorkflow', markedBody(ctx, 'fast', marker) ?? executeBody(ctx));
  if (!ctx.expect.status(res, 200)) return undefined;
  const id = getPointer(res.json, '/conversationId');
  if (typeof id !== 'string') return void ctx.expect.schema(res, 'execute-response.schema.json');
  return { id, marker, res };
}

/** The fetched conversation must be the one created: its own marker in it, never the other's. */
async function expectOwnContent(ctx: CheckContext, mine: Created, other: Created): Promise<void> {
  const res = await ctx.api.post('getConversationById', {
    workflowId: workflow(ctx, 'fast').workflowId,
    conversationId: mine.id,
  });
  if (!ctx.expect.status(res, 200)) return;
  const own = containsText(res.json, mine.marker);
  const foreign = containsText(res.json, other.marker);
  if (foreign || !own) {
    const input = {
      code: 'WRONG_CONVERSATION',
      endpoint: 'getConversationById',
      response: res,
      schemaPath:
        'docs: getConversationById "the complete conversation details … results" of the conversation asked for',
      received: foreign
        ? `conversation ${mine.id} shows the input of ${other.id} (marker ${other.marker})`
        : `conversation ${mine.id} shows nowhere the input it was created with (marker ${mine.marker})`,
      receivedIsDescription: true,
      documented: `the conversation created by the execution that returned ${mine.id}`,
    } as const;
    // Showing another conversation's input is wrong by any reading; showing no input at all is a deployment choice.
    if (foreign) ctx.findings.fail(input);
    else ctx.findings.inferred(ctx.profile.conversation !== undefined, input);
  }
}

defineCheck(
  {
    id: 'conversation-identity',
    title:
      'Two new executions get two fresh conversationIds, and getConversationById returns each one created (by its content)',
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
  },
  async (ctx) => {
    const tag = randomBytes(4).toString('hex');
    const a = await create(ctx, `harness-a-${tag}`);
    const b = await create(ctx, `harness-b-${tag}`);
    if (a === undefined || b === undefined) return;
    ctx.findings.observe('conversationIds', [a.id, b.id]);
    if (a.id === b.id) {
      ctx.findings.fail({
        code: 'CONVERSATION_REUSED',
        endpoint: 'executeWorkflow',
        response: b.res,
        instancePath: '/conversationId',
        schemaPath: 'docs: conversationId "If omitted, creates a new conversation"',
        received: b.id,
        documented: `a new conversationId (not ${a.id}, the previous execution's)`,
      });
      return;
    }
    if (markedBody(ctx, 'fast', 'x') === undefined)
      return void ctx.findings.observe('content', 'workflows.fast has no text input component to mark');
    await expectOwnContent(ctx, a, b);
    await expectOwnContent(ctx, b, a);
  },
);
