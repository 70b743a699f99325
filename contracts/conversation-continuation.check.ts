import {
  conversationReading,
  conversationRole,
  defineCheck,
  getPointer,
  pollConversation,
  pollingBudget,
  startConversation,
  workflow,
  type ApiResponse,
  type CheckContext,
} from './kit/index.js';

type Endpoint = 'executeWorkflow' | 'executeWorkflowBackground';

/** The conversationId a continuation answered with must be the one sent. */
function expectSameId(ctx: CheckContext, res: ApiResponse, endpoint: Endpoint, sent: string): boolean {
  if (!ctx.expect.status(res, 200)) return false;
  const got = getPointer(res.json, '/conversationId');
  if (got === sent) return true;
  ctx.findings.fail({
    code: 'CONVERSATION_CHANGED',
    endpoint,
    response: res,
    instancePath: '/conversationId',
    schemaPath: 'docs: conversationId "ID of an existing conversation to continue"',
    received: got,
    documented: sent,
  });
  return false;
}

function historyLength(ctx: CheckContext, res: ApiResponse): number | undefined {
  const pointer = conversationReading(ctx).historyPointer;
  if (pointer === undefined) return undefined;
  const history = getPointer(res.json, pointer);
  if (Array.isArray(history)) return history.length;
  ctx.findings.fail({
    code: 'SCHEMA_VIOLATION',
    endpoint: 'getConversationById',
    response: res,
    instancePath: pointer,
    schemaPath: 'target profile: conversation.historyPointer',
    received: history,
    documented: 'an array (the conversation history)',
  });
  return undefined;
}

defineCheck(
  {
    id: 'conversation-continuation',
    title:
      'Continuing with conversationId (sync and background) keeps the id and grows the history in getConversationById',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
    bound: (target) => ({
      ms: pollingBudget(target).budgetMs + 30_000,
      from: "the target profile's polling.budgetMs + 30 s for the four requests before the poll",
    }),
  },
  async (ctx) => {
    // The docs let any workflow continue a conversation; the conversational one when declared.
    const role = conversationRole(ctx);
    const wf = workflow(ctx, role);
    const conversation = await startConversation(ctx, role);
    if (conversation === undefined) return;
    const { id } = conversation;
    const before = await conversation.read();
    if (!ctx.expect.status(before, 200)) return;
    const n0 = historyLength(ctx, before);

    const sync = await conversation.continueWith('executeWorkflow');
    expectSameId(ctx, sync, 'executeWorkflow', id);
    const bg = await conversation.continueWith('executeWorkflowBackground');
    expectSameId(ctx, bg, 'executeWorkflowBackground', id);

    const done = await pollConversation(ctx, wf.workflowId, id);
    if (done.state === 'error') return void ctx.expect.status(done.last, 200);
    if (done.state === 'stuck')
      return void ctx.findings.fail({
        code: 'NOT_TERMINAL',
        endpoint: 'getConversationById',
        response: done.last,
        instancePath: conversationReading(ctx).statusPointer,
        schemaPath: 'target profile: conversation.completedValues within polling.budgetMs',
        received: done.lastStatus,
        documented: `a terminal status within ${pollingBudget(ctx).budgetMs} ms (polling.budgetMs)`,
      });
    const n1 = historyLength(ctx, done.last);
    ctx.findings.observe('history', {
      before: n0 ?? null,
      after: n1 ?? null,
      pointer: conversationReading(ctx).historyPointer ?? null,
    });
    if (n0 !== undefined && n1 !== undefined && n1 !== n0 + 2) {
      ctx.findings.fail({
        code: 'HISTORY_NOT_GROWN',
        endpoint: 'getConversationById',
        response: done.last,
        instancePath: conversationReading(ctx).historyPointer ?? '',
        schemaPath: 'docs: "All API executions are saved as conversations"',
        received: `${n1} entries`,
        receivedIsDescription: true,
        documented: `${n0 + 2} entries (${n0} + one sync + one background continuation)`,
      });
    }
  },
);
