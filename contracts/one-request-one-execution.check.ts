import {
  conversationReading,
  defineCheck,
  executeBody,
  getPointer,
  workflow,
  type ApiResponse,
  type CheckContext,
} from './kit/index.js';

/** After `turns` single POSTs: the history holds that many entries and the conversation carries no extra charge. */
function expectTurns(ctx: CheckContext, res: ApiResponse, turns: number, charged: number): void {
  const read = conversationReading(ctx);
  if (read.historyPointer !== undefined) {
    const history = getPointer(res.json, read.historyPointer);
    const n = Array.isArray(history) ? history.length : undefined;
    if (n !== turns)
      ctx.findings.inferred(true, {
        code: 'DUPLICATE_EXECUTION',
        endpoint: 'getConversationById',
        response: res,
        instancePath: read.historyPointer,
        schemaPath: 'target profile: conversation.historyPointer (one entry per execution)',
        received: n === undefined ? history : `${n} entries`,
        receivedIsDescription: n !== undefined,
        documented: `${turns} entries after ${turns} POST(s)`,
      });
  }
  const accounting = ctx.profile.conversation?.creditAccounting ?? 'undeclared';
  const total = getPointer(res.json, read.creditUsagePointer);
  // With one turn, sum and last agree; past it only a declared 'sum' says what the total must be.
  if (typeof total !== 'number' || (turns > 1 && accounting !== 'sum')) return;
  if (total !== charged)
    ctx.findings.inferred(accounting !== 'undeclared', {
      code: 'DUPLICATE_CHARGE',
      endpoint: 'getConversationById',
      response: res,
      instancePath: read.creditUsagePointer,
      schemaPath: `target profile: conversation.creditAccounting (${accounting})`,
      received: total,
      documented: `${charged}: the creditUsage of the ${turns} answer(s) received`,
    });
}

defineCheck(
  {
    id: 'one-request-one-execution',
    title:
      'One POST, one execution: a new and a continued conversation hold exactly one entry and one charge per request',
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'inferred',
  },
  async (ctx) => {
    const wf = workflow(ctx, 'fast');
    const first = await ctx.api.post('executeWorkflow', executeBody(ctx));
    if (!ctx.expect.status(first, 200)) return;
    const id = getPointer(first.json, '/conversationId');
    const c1 = getPointer(first.json, '/creditUsage');
    if (typeof id !== 'string' || typeof c1 !== 'number')
      return void ctx.expect.schema(first, 'execute-response.schema.json');
    const get = () => ctx.api.post('getConversationById', { workflowId: wf.workflowId, conversationId: id });
    const once = await get();
    if (!ctx.expect.status(once, 200)) return;
    expectTurns(ctx, once, 1, c1);
    const second = await ctx.api.post('executeWorkflow', executeBody(ctx, 'fast', { conversationId: id }));
    if (!ctx.expect.status(second, 200)) return;
    const c2 = getPointer(second.json, '/creditUsage');
    const twice = await get();
    if (!ctx.expect.status(twice, 200) || typeof c2 !== 'number') return;
    expectTurns(ctx, twice, 2, c1 + c2);
  },
);
