import type { ScenarioName } from '../../scenarios/lib/executors.js';
import { HarnessError } from '../errors/index.js';
import { type CostPlan, planCosts } from '../load/cost-safety.js';
import { shardBudget } from '../load/run-shards.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { TargetProfile } from '../types/generated/target-profile.js';

export interface DistributedPlan {
  readonly cost: CostPlan;
  /** HARNESS_MAX_CREDITS for each runner: its share of the whole test's budget. */
  readonly env: Readonly<Record<string, string>>;
  readonly lines: readonly string[];
}

/**
 * The plan of the whole distributed test (the N segments together do exactly the load profile's
 * work) and its credit budget, as `harness load` prints it. Refused before anything is written
 * when the estimate exceeds the budget: once the pods run, no process sees the whole spend. At
 * run time each runner's bundle stops at its share ⌊budget / N⌋ (its own credits_used threshold),
 * so N runners together stay within the budget even when the estimate was wrong.
 */
export function planDistributed(
  config: Pick<HarnessConfig, 'maxCredits' | 'loadProfile'>,
  profile: TargetProfile,
  scenarios: readonly ScenarioName[],
  parallelism: number,
): DistributedPlan {
  const cost = planCosts(config, { profile, embedded: false }, scenarios);
  const { budget } = cost;
  const credits = cost.plan.credits;
  if (budget !== 'unlimited' && credits !== null && credits > budget)
    throw new HarnessError(
      'HARNESS_ERR_CREDIT_BUDGET_EXCEEDED',
      `the plan of the whole distributed test (${parallelism} runners together) is estimated at ${credits} credits, over the budget of ${budget} (${cost.source})`,
      {
        hint: 'Use a lighter --profile, or raise the budget with --max-credits N (or HARNESS_MAX_CREDITS) if the spend is intended.',
      },
    );
  const share = String(shardBudget(budget, parallelism));
  const lines = [
    ...cost.lines,
    `  distributed: ${parallelism} runner${parallelism === 1 ? '' : 's'}, one execution segment each; the plan above is the whole test's. Each runner stops at ${share === 'unlimited' ? 'no credit limit' : `${share} credits (its share of the budget)`}${credits === null && budget !== 'unlimited' ? '; the estimate is unknown, so that share is the only guard' : ''}.`,
  ];
  return { cost, env: { ...cost.env, HARNESS_MAX_CREDITS: share }, lines };
}
