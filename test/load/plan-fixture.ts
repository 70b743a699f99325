import type { TargetProfile } from '../../src/types/generated/target-profile.js';

/** A profile workflow with its price and expected duration when given (the plan's two inputs). */
export const wf = (creditsPerExecution?: number, expectedDurationMs?: number) => ({
  workflowId: 'w',
  version: 1,
  sampleInput: {},
  inputComponents: {},
  outputComponents: {},
  ...(creditsPerExecution === undefined ? {} : { creditsPerExecution }),
  ...(expectedDurationMs === undefined ? {} : { expectedDurationMs }),
});

/** The plan tests' deployment: three roles, each priced and timed differently. */
export const planProfile: TargetProfile = {
  name: 'p',
  baseUrl: 'http://127.0.0.1:1',
  apiKeyEnv: 'K',
  workflows: { fast: wf(10, 100), slow: wf(25, 20_000), conversational: wf(3, 5) },
};

// What planProfile's creditsPerExecution price each role at (roleCosts itself is tested apart); a value,
// not a call at import: code under test that throws while a file is collected fails no test.
export const planCosts = {
  fast: { credits: 10, source: 'profile' },
  slow: { credits: 25, source: 'profile' },
  conversational: { credits: 3, source: 'profile' },
} as const;
