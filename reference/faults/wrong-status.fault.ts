import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'wrong-status',
  title: 'An unknown workflow or version is answered 400 instead of 404',
  violates: 'executeWorkflow and executeWorkflowBackground: status 404 (Workflow not found) sent as 400',
  hooks: () => ({
    answer: (answer) => (answer.reason === 'workflow-not-found' ? { ...answer, status: 400 } : answer),
  }),
};
