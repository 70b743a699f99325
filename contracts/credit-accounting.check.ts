import {
  conversationReading,
  conversationRole,
  defineCheck,
  getPointer,
  startConversation,
  type ApiResponse,
} from './kit/index.js';

const credit = (res: ApiResponse, pointer: string): number | undefined => {
  const value = getPointer(res.json, pointer);
  return typeof value === 'number' ? value : undefined;
};

defineCheck(
  {
    id: 'credit-accounting',
    title:
      "A conversation's creditUsage over two turns adds up as the profile's conversation.creditAccounting declares (sum | last; undeclared: observed)",
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'inferred',
  },
  async (ctx) => {
    const conversation = await startConversation(ctx, conversationRole(ctx));
    if (conversation === undefined) return;
    const { first } = conversation;
    const second = await conversation.continueWith();
    if (!ctx.expect.status(second, 200)) return;
    const res = await conversation.read();
    if (!ctx.expect.status(res, 200)) return;
    const pointer = conversationReading(ctx).creditUsagePointer;
    const [c1, c2, total] = [
      credit(first, '/creditUsage'),
      credit(second, '/creditUsage'),
      credit(res, pointer),
    ];
    if (c1 === undefined || c2 === undefined || total === undefined)
      return void ctx.findings.observe('accounting', 'not observable: a creditUsage is not a number');
    const seen =
      total === c1 + c2 && total === c2
        ? 'sum or last'
        : total === c1 + c2
          ? 'sum'
          : total === c2
            ? 'last'
            : 'neither';
    ctx.findings.observe('accounting', { turns: [c1, c2], conversation: total, matches: seen });
    const declared = ctx.profile.conversation?.creditAccounting ?? 'undeclared';
    const expected = declared === 'sum' ? c1 + c2 : declared === 'last' ? c2 : undefined;
    // Undeclared: whichever of sum or last it matches is an observation; only neither is a deviation.
    if (total === expected || (declared === 'undeclared' && seen !== 'neither')) return;
    ctx.findings.inferred(declared !== 'undeclared', {
      code: 'CREDIT_ACCOUNTING',
      endpoint: 'getConversationById',
      response: res,
      instancePath: pointer,
      schemaPath: `target profile: conversation.creditAccounting (${declared})`,
      received: `${total} after turns of ${c1} and ${c2} (${seen})`,
      receivedIsDescription: true,
      documented:
        expected === undefined
          ? 'undeclared: the sum or the last turn'
          : `${expected} (${declared} of ${c1} and ${c2})`,
    });
  },
);
