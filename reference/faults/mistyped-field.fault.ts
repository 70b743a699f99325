import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'mistyped-field',
  title: 'creditUsage is a string ("10") in executeWorkflow responses',
  violates: 'executeWorkflow 200: /creditUsage must be a number',
  hooks: () => ({
    answer(answer, ctx) {
      if (answer.reason !== 'ok' || ctx.endpoint !== 'executeWorkflow') return answer;
      const body = answer.body as Record<string, unknown>;
      return { ...answer, body: { ...body, creditUsage: String(body.creditUsage) } };
    },
  }),
};
