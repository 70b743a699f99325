import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'duplicate-execution',
  title: 'Every accepted execution runs twice into its conversation (a gateway retrying the POST)',
  violates:
    'one request, one execution: getConversationById /turns grows by 2 and credits are charged twice per POST; needs a profile (historyPointer or creditAccounting)',
  needsProfile:
    'conversation.historyPointer or creditAccounting: the docs give no conversation shape to count executions in',
  hooks: () => ({ runCount: () => 2 }),
};
