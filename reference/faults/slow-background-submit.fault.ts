import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'slow-background-submit',
  title: 'executeWorkflowBackground answers only after half the sync limit',
  violates:
    'executeWorkflowBackground: "returns immediately with a conversation ID" (background.immediateMs, default 10 % of the sync limit)',
  hooks: (env) => ({
    delayAnswer: (answer, ctx) =>
      ctx.endpoint === 'executeWorkflowBackground' && answer.reason === 'ok' ? env.syncLimitMs * 0.5 : 0,
  }),
};
