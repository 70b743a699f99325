import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'error-shape',
  title: 'Error bodies are {"message": …} instead of {"error": …}',
  violates: 'all endpoints, every 4xx: /error missing (error-body.schema.json)',
  hooks: () => ({
    answer(answer) {
      if (answer.status < 400) return answer;
      const { error, ...rest } = answer.body as Record<string, unknown>;
      return { ...answer, body: { ...rest, message: error } };
    },
  }),
};
