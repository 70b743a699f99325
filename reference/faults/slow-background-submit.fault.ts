import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'slow-background-submit',
  title: 'executeWorkflowBackground answers only after half the sync limit',
  violates:
    'executeWorkflowBackground: "returns immediately with a conversation ID" (background.immediateMs, default 10 % of the sync limit)',
  needsProfile:
    'the sync limit (time-scaled at the reference): a bare URL assumes the documented 30 s, whose 10 % bound a 300 ms delay stays under',
  hooks: (env) => ({
    delayAnswer: (answer, ctx) =>
      ctx.endpoint === 'executeWorkflowBackground' && answer.reason === 'ok' ? env.syncLimitMs * 0.5 : 0,
  }),
};
