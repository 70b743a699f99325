import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'swapped-conversation',
  title:
    'getConversationById answers with the previously fetched conversation, relabelled with the requested id',
  violates:
    'getConversationById 200: "The response will include the complete conversation details" of the conversation asked for (its input and output, not another one)',
  hooks: () => {
    let last: { id: unknown; body: Record<string, unknown> } | undefined;
    return {
      answer(answer, ctx) {
        if (answer.reason !== 'ok' || ctx.endpoint !== 'getConversationById') return answer;
        const real = answer.body as Record<string, unknown>;
        const previous = last;
        last = { id: real.conversationId, body: real };
        if (previous === undefined || previous.id === real.conversationId) return answer;
        return { ...answer, body: { ...previous.body, conversationId: real.conversationId } };
      },
    };
  },
};
