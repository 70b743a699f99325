import {
  conversationReading,
  defineCheck,
  getPointer,
  startConversation,
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
    const conversation = await startConversation(ctx, 'fast');
    if (conversation === undefined) return;
    const c1 = getPointer(conversation.first.json, '/creditUsage');
    if (typeof c1 !== 'number')
      return void ctx.expect.schema(conversation.first, 'execute-response.schema.json');
    const once = await conversation.read();
    if (!ctx.expect.status(once, 200)) return;
    expectTurns(ctx, once, 1, c1);
    const second = await conversation.continueWith();
    if (!ctx.expect.status(second, 200)) return;
    const c2 = getPointer(second.json, '/creditUsage');
    const twice = await conversation.read();
    if (!ctx.expect.status(twice, 200) || typeof c2 !== 'number') return;
    expectTurns(ctx, twice, 2, c1 + c2);
  },
);
