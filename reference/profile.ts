import type { TargetProfile, Workflow } from '../src/types/generated/target-profile.js';
import type { ResolvedOptions } from './options.js';
import type { WorkflowDefinition, WorkflowRole } from './workflows/index.js';

export const KEY_ENV = {
  full: 'HARNESS_REFERENCE_KEY',
  noPermission: 'HARNESS_REFERENCE_KEY_NO_PERMISSION',
  noCredits: 'HARNESS_REFERENCE_KEY_NO_CREDITS',
} as const;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

function workflow(wf: WorkflowDefinition, timeScale: number): Workflow {
  return {
    workflowId: wf.id,
    version: wf.version,
    sampleInput: { ...wf.sampleInput },
    ...(wf.loadInputs === undefined ? {} : { loadInputs: wf.loadInputs.map((input) => ({ ...input })) }),
    inputComponents: { ...wf.inputComponents },
    outputComponents: { ...wf.outputComponents },
    expectedDurationMs: wf.expectedDurationMs * timeScale,
    creditsPerExecution: wf.creditCost,
  };
}

/** The TargetProfile (schemas/target-profile.schema.json) of one running instance. */
export function buildProfile(
  url: string,
  options: ResolvedOptions,
  catalogue: readonly WorkflowDefinition[],
): TargetProfile {
  const byRole = (role: WorkflowRole): WorkflowDefinition | undefined =>
    catalogue.find((wf) => wf.role === role);
  const fast = byRole('fast');
  if (fast === undefined) throw new Error('the reference catalogue has no workflow with role "fast"');
  const slow = byRole('slow');
  const conversational = byRole('conversational');
  const ts = options.timeScale;
  const limitMs = options.syncLimitMs * ts;
  return {
    name: 'reference',
    description: `Embedded reference deployment (time scale ${ts}, seed ${options.seed}${options.faults.length > 0 ? `, faults: ${options.faults.join(', ')}` : ''})`,
    baseUrl: url,
    apiKeyEnv: KEY_ENV.full,
    extraKeys: { noPermission: KEY_ENV.noPermission, noCredits: KEY_ENV.noCredits },
    endpoints: {
      executeWorkflow: '/api/executeWorkflow',
      executeWorkflowBackground: '/api/executeWorkflowBackground',
      getConversationById: '/api/getConversationById',
    },
    workflows: {
      fast: workflow(fast, ts),
      ...(slow === undefined ? {} : { slow: workflow(slow, ts) }),
      ...(conversational === undefined ? {} : { conversational: workflow(conversational, ts) }),
    },
    syncLimit: { limitMs, timeoutStatus: 504, completesAfterTimeout: true },
    // Its own choices where the docs are silent, both inside the documented statuses (no 405, no 415).
    otherMethodStatus: 404,
    wrongContentTypeStatus: 400,
    conversation: {
      statusPointer: '/status',
      completedValues: ['completed'],
      failedValues: ['failed'],
      outputPointer: '/output',
      creditUsagePointer: '/creditUsage',
      historyPointer: '/turns',
      creditAccounting: 'sum',
      useReferenceSchema: true,
    },
    // The slow workflow's sample runs ~45 s unscaled; poll in proportion, with floors a loaded 2-core machine can keep.
    polling: {
      initialIntervalMs: clamp(1000 * ts, 5, 100),
      backoff: 1.5,
      maxIntervalMs: clamp(20_000 * ts, 20, 2000),
      budgetMs: Math.max(5000, 180_000 * ts + options.extraLatencyMs * 2),
    },
  };
}
