import type { WorkflowDefinition } from './workflow.js';

// Unscaled: median 20 s, sigma 0.55 puts ~23 % of executions past 30 s and the 97th percentile near 60 s.
const MEDIAN_MS = 20_000;
const SIGMA = 0.55;
const MAX_TARGET_SECONDS = 120;

/**
 * A long-running workflow whose duration distribution crosses the 30 s sync limit.
 * "Target Seconds" (optional) pins the median instead, with a narrow spread, so a
 * check can provoke the past-the-limit behaviour every time (the profile's sample uses 45);
 * the load inputs leave it out.
 */
export const workflows: readonly WorkflowDefinition[] = [
  {
    id: 'slow',
    version: 1,
    title: 'Long-running report (lognormal, median 20 s, tail to ~60 s)',
    role: 'slow',
    inputComponents: {
      Task: 'text',
      'Target Seconds': { type: 'number', minimum: 0, maximum: MAX_TARGET_SECONDS },
    },
    optionalInputs: ['Target Seconds'],
    outputComponents: { Report: 'text', 'Elapsed Seconds': 'number' },
    sampleInput: { Task: 'quarterly report', 'Target Seconds': 45 },
    // Load follows the natural distribution, so the timeout-boundary scenario sees calls on both sides of the limit.
    loadInputs: [{ Task: 'quarterly report' }, { Task: 'annual review' }, { Task: 'audit trail' }],
    creditCost: 25,
    expectedDurationMs: MEDIAN_MS,
    durationMs(rng, input) {
      const target = input['Target Seconds'];
      // sigma 0.08: 45 s stays above 30 s beyond 5 sigma.
      return typeof target === 'number'
        ? rng.lognormal(target * 1000, 0.08)
        : rng.lognormal(MEDIAN_MS, SIGMA);
    },
    run: ({ input, durationMs }) => ({
      output: {
        Report: `Report on ${String(input.Task)}: done`,
        'Elapsed Seconds': Math.round(durationMs / 100) / 10,
      },
      executionPath: ['input', 'gather', 'analyse', 'write', 'output'],
    }),
  },
];
