import type { TargetProfile } from '../../src/target/index.js';
import type { CheckContext } from './define-check.js';

type Role = keyof TargetProfile['workflows'];
type Workflow = TargetProfile['workflows']['fast'];

export const ALL_ENDPOINTS = ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'] as const;

/** Ids no deployment has: the harness's own prefix plus the run's seed. */
export const unknownId = (ctx: Pick<CheckContext, 'seed'>, what: string): string =>
  `harness-unknown-${what}-${ctx.seed}`;

export function workflow(ctx: Pick<CheckContext, 'profile'>, role: Role): Workflow {
  const wf = ctx.profile.workflows[role];
  if (wf === undefined) throw new Error(`the profile has no workflows.${role} (declare the check's needs)`);
  return wf;
}

/** A valid execute body for a role's workflow (its sample input). */
export function executeBody(
  ctx: Pick<CheckContext, 'profile'>,
  role: Role = 'fast',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const wf = workflow(ctx, role);
  return { workflowId: wf.workflowId, version: wf.version, input: structuredClone(wf.sampleInput), ...extra };
}

/** A plausible body for each endpoint, for checks (auth, malformed) where the body is not the point. */
export function plausibleBody(
  ctx: CheckContext,
  endpoint: (typeof ALL_ENDPOINTS)[number],
): Record<string, unknown> {
  if (endpoint === 'getConversationById')
    return { workflowId: workflow(ctx, 'fast').workflowId, conversationId: unknownId(ctx, 'conversation') };
  return executeBody(ctx);
}
