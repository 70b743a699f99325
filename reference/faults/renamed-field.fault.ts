import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'renamed-field',
  title: 'creditUsage is renamed to credits in execute responses',
  violates: 'executeWorkflow and executeWorkflowBackground 200: /creditUsage missing (sent as /credits)',
  hooks: () => ({
    answer(answer, ctx) {
      if (answer.reason !== 'ok' || ctx.endpoint === 'getConversationById' || !isObject(answer.body))
        return answer;
      const { creditUsage, ...rest } = answer.body;
      return { ...answer, body: { ...rest, credits: creditUsage } };
    },
  }),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
