import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'background-never-completes',
  title: 'Background executions stay running forever',
  violates: 'getConversationById 200: /status never reaches a terminal value after executeWorkflowBackground',
  hooks: () => ({
    holdExecution: (mode) => mode === 'background',
  }),
};
