import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'reused-conversation-id',
  title: 'Every new execution answers with the first conversationId this instance handed out',
  violates:
    'executeWorkflow / executeWorkflowBackground without conversationId: "If omitted, creates a new conversation" (a fresh /conversationId each time)',
  hooks: () => {
    let first: unknown;
    return {
      answer(answer, ctx) {
        if (answer.reason !== 'ok' || ctx.endpoint === 'getConversationById') return answer;
        if (ctx.requestBody === undefined || typeof ctx.requestBody.conversationId === 'string')
          return answer;
        const body = answer.body as Record<string, unknown>;
        first ??= body.conversationId;
        return { ...answer, body: { ...body, conversationId: first } };
      },
    };
  },
};
