import type { WorkflowDefinition } from './workflow.js';

/** Conversational: the reply and turn number depend on the conversation's history. */
export const workflows: readonly WorkflowDefinition[] = [
  {
    id: 'chat',
    version: 1,
    title: 'Chat: remembers earlier messages of the conversation',
    role: 'conversational',
    inputComponents: { Message: 'text' },
    outputComponents: { Reply: 'text', Turn: 'number' },
    sampleInput: { Message: 'Hello, my name is John' },
    creditCost: 3,
    expectedDurationMs: 5,
    durationMs: (rng) => rng.lognormal(5, 0.3),
    run({ input, history }) {
      const turn = history.length + 1;
      const first = history[0]?.input.Message as string | undefined;
      const reply =
        first === undefined
          ? `You said: ${String(input.Message)}`
          : `You said: ${String(input.Message)} (you first said: ${first})`;
      return { output: { Reply: reply, Turn: turn }, executionPath: ['input', 'recall', 'reply', 'output'] };
    },
  },
];
