import { randomUUID } from 'node:crypto';
import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'new-conversation-id',
  title: 'Continuing a conversation answers with a different conversationId',
  violates:
    'executeWorkflow and executeWorkflowBackground 200 with conversationId in the request: /conversationId must be the one sent',
  hooks: () => ({
    answer(answer, ctx) {
      if (
        answer.reason !== 'ok' ||
        ctx.endpoint === 'getConversationById' ||
        typeof ctx.requestBody?.conversationId !== 'string'
      )
        return answer;
      return {
        ...answer,
        body: { ...(answer.body as Record<string, unknown>), conversationId: randomUUID() },
      };
    },
  }),
};
