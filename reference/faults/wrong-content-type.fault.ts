import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'wrong-content-type',
  title: 'JSON bodies are labelled text/plain',
  violates: 'all endpoints, every answer: header content-type must be application/json',
  hooks: () => ({
    answer: (answer) => ({
      ...answer,
      headers: { ...answer.headers, 'content-type': 'text/plain; charset=utf-8' },
    }),
  }),
};
