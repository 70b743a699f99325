import type { WorkflowDefinition } from './workflow.js';

/** Returns its input: the cheapest possible execution, for transport-level checks. */
export const workflows: readonly WorkflowDefinition[] = [
  {
    id: 'echo',
    version: 1,
    title: 'Echo the message back',
    inputComponents: { Message: 'text' },
    outputComponents: { Echo: 'text', Length: 'number' },
    sampleInput: { Message: 'hello' },
    creditCost: 1,
    expectedDurationMs: 1,
    durationMs: (rng) => rng.lognormal(1, 0.2),
    run: ({ input }) => ({
      output: { Echo: String(input.Message), Length: String(input.Message).length },
      executionPath: ['input', 'output'],
    }),
  },
];
