import type { Scenario } from 'k6/options';
import type { ScenarioName } from '../../scenarios/lib/executors.js';
import { sumOf, type RunAggregates } from '../compare/index.js';
import type { ResolvedTarget } from '../target/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { LoadRun } from '../types/generated/load-run.js';
import type { VerifyResult } from '../types/generated/verify-result.js';
import {
  type Budget,
  type BudgetSource,
  budgetCrossed,
  budgetEnv,
  observedDurations,
  resolveBudget,
  roleCosts,
} from './credit-budget.js';
import { planLoad } from './plan.js';
import { planLines } from './plan-lines.js';

type Failure = NonNullable<LoadRun['failures']>[number];

export interface CostPlan {
  readonly budget: Budget;
  readonly source: BudgetSource;
  readonly plan: NonNullable<LoadRun['plan']>;
  /** For the bundle: the budget it turns into a credits_used threshold. */
  readonly env: Readonly<Record<string, string>>;
  readonly lines: readonly string[];
}

/** Before load: the budget (flags > env > profile > default) and the plan of every scenario that will run. */
export function planCosts(
  config: Pick<HarnessConfig, 'maxCredits' | 'loadProfile'>,
  target: Pick<ResolvedTarget, 'profile' | 'embedded'>,
  scenarios: readonly ScenarioName[],
  verify?: VerifyResult,
  executorOverride?: string,
): CostPlan {
  const { budget, source } = resolveBudget(config, target.profile, target.embedded);
  const costs = roleCosts(target.profile, verify);
  const override =
    executorOverride === undefined || executorOverride === ''
      ? undefined
      : (JSON.parse(executorOverride) as Scenario);
  const scenarioPlans = planLoad(
    scenarios,
    config.loadProfile,
    target.profile,
    costs,
    observedDurations(verify),
    override,
  );
  const credits = scenarioPlans.some((p) => p.credits === null)
    ? null
    : scenarioPlans.reduce((n, p) => n + (p.credits ?? 0), 0);
  return {
    budget,
    source,
    plan: {
      scenarios: scenarioPlans,
      executions: scenarioPlans.reduce((n, p) => n + p.executions, 0),
      credits,
      creditSources: costs,
    },
    env: { HARNESS_MAX_CREDITS: budgetEnv(budget) },
    lines: planLines(scenarioPlans, budget, source),
  };
}

/** After load: credits counted from the answers, whether the budget stopped the run, how the VUs held back. */
export function costOutcome(
  cost: CostPlan,
  samples: RunAggregates,
  thresholds: readonly { metric: string; expression: string; ok: boolean }[],
): { credits: NonNullable<LoadRun['credits']>; pacing: NonNullable<LoadRun['pacing']>; failure?: Failure } {
  const spent = sumOf(samples, 'credits_used');
  // The engine's threshold stopped the run; the count decides too, since k6 2.x's --summary-export
  // carries no thresholds to read back.
  const budgetSpent =
    budgetCrossed(thresholds, cost.budget) || (cost.budget !== 'unlimited' && spent > cost.budget);
  const credits = { spent, budget: cost.budget, budgetSource: cost.source, budgetSpent };
  const pacing = {
    retryAfterWaits: sumOf(samples, 'retry_after_waits'),
    retryAfterWaitMs: sumOf(samples, 'retry_after_wait_ms'),
    rateCapWaitMs: sumOf(samples, 'rate_cap_wait_ms'),
  };
  if (!budgetSpent) return { credits, pacing };
  const message = `credit budget spent: ${Math.round(spent)} credits counted from the answers exceed maxCredits ${String(cost.budget)} (${cost.source}); the engine stops the load at its next threshold evaluation, so the plan may not have completed (raise with --max-credits or HARNESS_MAX_CREDITS)`;
  return { credits, pacing, failure: { code: 'CREDIT_BUDGET_SPENT', message } };
}
