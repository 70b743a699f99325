// The credit budget inside a bundle: a threshold on credits_used that aborts the run once the
// credits counted from the answers exceed HARNESS_MAX_CREDITS. k6 keeps no state shared between
// VUs, so the engine's threshold evaluation (every 2 s, over all VUs) is the one place that sees
// the whole spend; the overshoot is at most ~2 s of spending and is reported by the harness.
import type { Options } from 'k6/options';

type Thresholds = NonNullable<Options['thresholds']>;

/** The metric the budget watches (scenarios/lib/metrics.ts: creditsUsed). */
export const BUDGET_METRIC = 'credits_used';

/** HARNESS_MAX_CREDITS as a number of credits; undefined when unset, empty or 'unlimited'. */
export function maxCredits(): number | undefined {
  const raw = __ENV.HARNESS_MAX_CREDITS;
  if (raw === undefined || raw === '' || raw === 'unlimited') return undefined;
  const value = Number(raw);
  if (!(value >= 0)) throw new Error(`HARNESS_ERR_SCENARIO_ENV: HARNESS_MAX_CREDITS=${raw} is not a number`);
  return value;
}

/** The expression the harness recognises as the budget in the exported thresholds. */
export function budgetExpression(credits: number): string {
  return `count<=${credits}`;
}

/** `thresholds` with the budget added to credits_used (after any threshold of the target's own on it). */
export function withBudget(thresholds: Thresholds): Thresholds {
  const credits = maxCredits();
  if (credits === undefined) return thresholds;
  const own = thresholds[BUDGET_METRIC] ?? [];
  return {
    ...thresholds,
    [BUDGET_METRIC]: [...own, { threshold: budgetExpression(credits), abortOnFail: true }],
  };
}
