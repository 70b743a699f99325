import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { LoadRun } from '../types/generated/load-run.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import type { VerifyResult } from '../types/generated/verify-result.js';
import type { RoleCost } from './plan.js';

export type Budget = NonNullable<LoadRun['credits']>['budget'];
export type BudgetSource = NonNullable<LoadRun['credits']>['budgetSource'];

/**
 * A deployment's default budget: far below what a first nightly run would spend (≈ 50,000
 * executions), enough for a smoke run of a workflow costing ~10 credits. The plan printed
 * before load says when it will cut the run short and how to raise it.
 */
export const DEFAULT_MAX_CREDITS = 10_000;

/** flags > env (config.maxCredits) > target profile > default (unlimited for the embedded reference: its credits are free). */
export function resolveBudget(
  config: Pick<HarnessConfig, 'maxCredits'>,
  profile: Pick<TargetProfile, 'maxCredits'>,
  embedded: boolean,
): { budget: Budget; source: BudgetSource } {
  if (config.maxCredits !== undefined) return { budget: config.maxCredits, source: 'config' };
  if (profile.maxCredits !== undefined) return { budget: profile.maxCredits, source: 'profile' };
  return { budget: embedded ? 'unlimited' : DEFAULT_MAX_CREDITS, source: 'default' };
}

type Role = 'fast' | 'slow' | 'conversational';
const ROLES: readonly Role[] = ['fast', 'slow', 'conversational'];

/**
 * Credits per execution by role: what verify observed (a check's `creditUsage` observation,
 * for its `workflowRole`, fast by default) over the profile's creditsPerExecution.
 */
export function roleCosts(profile: TargetProfile, verify?: VerifyResult): Partial<Record<Role, RoleCost>> {
  const costs: Partial<Record<Role, RoleCost>> = {};
  for (const role of ROLES) {
    const credits = profile.workflows[role]?.creditsPerExecution;
    if (credits !== undefined) costs[role] = { credits, source: 'profile' };
  }
  for (const check of verify?.checks ?? []) {
    const o = check.observations ?? {};
    const role = ROLES.includes(o.workflowRole as Role) ? (o.workflowRole as Role) : 'fast';
    if (typeof o.creditUsage === 'number' && Number.isFinite(o.creditUsage))
      costs[role] = { credits: o.creditUsage, source: 'verify' };
  }
  return costs;
}

/** How long the fast workflow took when verify called it (execute-success's durationMs). */
export function observedDurations(verify?: VerifyResult): Partial<Record<Role, number>> {
  const ms = verify?.checks.find((c) => c.id === 'execute-success')?.observations?.durationMs;
  return typeof ms === 'number' ? { fast: ms } : {};
}

/** The budget threshold (scenarios/lib/budget.ts) among the exported ones, crossed. */
export function budgetCrossed(
  thresholds: readonly { metric: string; expression: string; ok: boolean }[],
  budget: Budget,
): boolean {
  return (
    budget !== 'unlimited' &&
    thresholds.some((t) => t.metric === 'credits_used' && t.expression === `count<=${budget}` && !t.ok)
  );
}

/** The value of HARNESS_MAX_CREDITS the bundle reads. */
export function budgetEnv(budget: Budget): string {
  return budget === 'unlimited' ? 'unlimited' : String(budget);
}
