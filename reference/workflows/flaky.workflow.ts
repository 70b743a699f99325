import type { WorkflowDefinition } from './workflow.js';

/** Fails (status failed, errors[]) ~25 % of the time and warns ~30 % of the time, from its seeded stream. */
export const workflows: readonly WorkflowDefinition[] = [
  {
    id: 'flaky',
    version: 1,
    title: 'Calls a flaky upstream: seeded failures and warnings',
    inputComponents: { Query: 'text' },
    outputComponents: { Answer: 'text' },
    sampleInput: { Query: 'status' },
    creditCost: 2,
    expectedDurationMs: 20,
    durationMs: (rng) => rng.lognormal(20, 0.5),
    run({ input, rng }) {
      const warnings = rng.chance(0.3) ? ['upstream answered slowly; used a cached value'] : [];
      if (rng.chance(0.25)) {
        return {
          output: null,
          executionPath: ['input', 'call-upstream'],
          errors: ['step "call-upstream" failed: upstream timed out'],
          warnings,
          failed: true,
        };
      }
      return {
        output: { Answer: `answer to ${String(input.Query)}` },
        executionPath: ['input', 'call-upstream', 'output'],
        warnings,
      };
    },
  },
];
