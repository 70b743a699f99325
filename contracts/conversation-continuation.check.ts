import {
  conversationReading,
  defineCheck,
  executeBody,
  getPointer,
  pollConversation,
  pollingBudget,
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
    const role = ctx.profile.workflows.conversational === undefined ? 'fast' : 'conversational';
    const wf = workflow(ctx, role);
    const first = await ctx.api.post('executeWorkflow', executeBody(ctx, role));
    if (!ctx.expect.status(first, 200)) return;
    const id = getPointer(first.json, '/conversationId');
    if (typeof id !== 'string') return void ctx.expect.schema(first, 'execute-response.schema.json');
    const get = () => ctx.api.post('getConversationById', { workflowId: wf.workflowId, conversationId: id });
    const before = await get();
    if (!ctx.expect.status(before, 200)) return;
    const n0 = historyLength(ctx, before);

    const sync = await ctx.api.post('executeWorkflow', executeBody(ctx, role, { conversationId: id }));
    expectSameId(ctx, sync, 'executeWorkflow', id);
    const bg = await ctx.api.post(
      'executeWorkflowBackground',
      executeBody(ctx, role, { conversationId: id }),
    );
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
