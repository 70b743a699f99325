import { describe, expect, it } from 'vitest';
import { aggregatesOf, emptyAggregates, type RawSample } from '../../src/compare/index.js';
import { costOutcome, planCosts } from '../../src/load/cost-safety.js';
import { budgetCrossed, budgetEnv, observedDurations, roleCosts } from '../../src/load/credit-budget.js';
import type { TargetProfile } from '../../src/types/generated/target-profile.js';
import type { VerifyResult } from '../../src/types/generated/verify-result.js';
import { wf } from './plan-fixture.js';

/**
 * Where a load run stops at its credit budget, and what it says: the budget handed to the bundle,
 * the plan's totals against it, the credits counted from the answers afterwards, the engine's
 * budget threshold, and the CREDIT_BUDGET_SPENT failure that keeps a cut-short run from passing.
 */

const profile: TargetProfile = {
  name: 'p',
  baseUrl: 'http://127.0.0.1:1',
  apiKeyEnv: 'K',
  workflows: { fast: wf(10, 100), slow: wf(25, 20_000) },
};
const target = { profile, embedded: false };
const verifyWith = (checks: unknown[]): VerifyResult => ({ checks }) as unknown as VerifyResult;
const counters = (values: Record<string, number[]>): ReturnType<typeof emptyAggregates> =>
  aggregatesOf(
    Object.entries(values).flatMap(([metric, vs]) =>
      vs.map((value, i): RawSample => ({ metric, value, time: 1_000 + i, tags: { scenario: 's' } })),
    ),
  );

describe('the budget and plan handed to a run before load', () => {
  it('sums the scenarios’ executions and credits, and gives the bundle its budget', () => {
    const cost = planCosts({ maxCredits: 250, loadProfile: 'smoke' }, target, [
      'sync-latency',
      'timeout-boundary',
    ]);
    expect(cost.budget).toBe(250);
    expect(cost.source).toBe('config');
    expect(cost.env).toEqual({ HARNESS_MAX_CREDITS: '250' });
    // smoke: sync-latency 30 fast executions (300), timeout-boundary 8 slow ones (200).
    expect(cost.plan).toMatchObject({
      executions: 38,
      credits: 500,
      creditSources: { fast: { credits: 10, source: 'profile' }, slow: { credits: 25, source: 'profile' } },
    });
    expect(cost.plan.scenarios.map((s) => s.scenario)).toEqual(['sync-latency', 'timeout-boundary']);
    expect(cost.lines.at(-1)).toMatch(
      /38 executions, 500 credits; budget 250 credits \(config;.*will stop the load/,
    );
  });

  it('the embedded reference runs unlimited by default, and the bundle is told so', () => {
    const cost = planCosts({ loadProfile: 'smoke' }, { profile, embedded: true }, ['sync-latency']);
    expect(cost).toMatchObject({
      budget: 'unlimited',
      source: 'default',
      env: { HARNESS_MAX_CREDITS: 'unlimited' },
    });
    expect(budgetEnv(0)).toBe('0');
  });

  it('one scenario with an unknown cost makes the run’s credits unknown, not a partial sum', () => {
    const noSlowCost: TargetProfile = {
      ...profile,
      workflows: { fast: wf(10, 100), slow: wf(undefined, 10) },
    };
    const cost = planCosts({ loadProfile: 'smoke' }, { profile: noSlowCost, embedded: false }, [
      'sync-latency',
      'timeout-boundary',
    ]);
    expect(cost.plan.credits).toBeNull();
    expect(cost.plan.scenarios.map((s) => s.credits)).toEqual([300, null]);
  });

  it('HARNESS_EXECUTOR replaces every scenario’s executor; an empty one is no override', () => {
    const override = JSON.stringify({ executor: 'shared-iterations', vus: 1, iterations: 4 });
    const cost = planCosts({ loadProfile: 'smoke' }, target, ['sync-latency'], undefined, override);
    expect(cost.plan).toMatchObject({ executions: 4, credits: 40 });
    expect(planCosts({ loadProfile: 'smoke' }, target, ['sync-latency'], undefined, '').plan.executions).toBe(
      30,
    );
  });

  it('prices with what verify observed: its creditUsage, and its duration for a closed executor', () => {
    const verify = verifyWith([{ id: 'execute-success', observations: { creditUsage: 2, durationMs: 400 } }]);
    const closed = JSON.stringify({ executor: 'constant-vus', vus: 1, duration: '2s' });
    const cost = planCosts({ loadProfile: 'smoke' }, target, ['sync-latency'], verify, closed);
    // 2 s at the observed 400 ms per call (the profile's 100 ms would plan 20), 2 credits each.
    expect(cost.plan).toMatchObject({ executions: 5, credits: 10 });
    expect(cost.plan.creditSources?.fast).toEqual({ credits: 2, source: 'verify' });
  });
});

describe('what verify tells the plan', () => {
  it('a creditUsage observed for a role prices that role; without a role it is the fast workflow', () => {
    const verify = verifyWith([
      { id: 'a', observations: { creditUsage: 7, workflowRole: 'slow' } },
      { id: 'b', observations: { creditUsage: 4 } },
      { id: 'c', observations: { creditUsage: 5, workflowRole: 'nonsense' } },
      { id: 'd', observations: { creditUsage: 9, workflowRole: 'conversational' } },
    ]);
    expect(roleCosts(profile, verify)).toEqual({
      fast: { credits: 5, source: 'verify' },
      slow: { credits: 7, source: 'verify' },
      conversational: { credits: 9, source: 'verify' },
    });
  });

  it('ignores a creditUsage that is not a finite number, and checks without observations', () => {
    const verify = verifyWith([
      { id: 'a', observations: { creditUsage: Number.NaN } },
      { id: 'b', observations: { creditUsage: Infinity, workflowRole: 'slow' } },
      { id: 'c', observations: { creditUsage: '3' } },
      { id: 'd' },
    ]);
    expect(roleCosts(profile, verify)).toEqual({
      fast: { credits: 10, source: 'profile' },
      slow: { credits: 25, source: 'profile' },
    });
  });

  it('the observed duration is execute-success’s, and only a number', () => {
    expect(observedDurations(verifyWith([{ id: 'other', observations: { durationMs: 5 } }]))).toEqual({});
    expect(
      observedDurations(verifyWith([{ id: 'execute-success', observations: { durationMs: 80 } }])),
    ).toEqual({
      fast: 80,
    });
    expect(
      observedDurations(verifyWith([{ id: 'execute-success', observations: { durationMs: '80' } }])),
    ).toEqual({});
    expect(observedDurations(verifyWith([{ id: 'execute-success' }]))).toEqual({});
    expect(observedDurations()).toEqual({});
  });
});

describe('where the run stops at the budget, after load', () => {
  // Called in each test, not while the file is collected (a throw there would fail no test).
  const cost = () => planCosts({ maxCredits: 100, loadProfile: 'smoke' }, target, ['sync-latency']);
  const budgetThreshold = (ok: boolean) => ({ metric: 'credits_used', expression: 'count<=100', ok });

  it('credits counted from the answers within the budget: no failure, and the VUs’ waits reported', () => {
    const samples = counters({
      credits_used: [10, 10, 10],
      retry_after_waits: [1, 1],
      retry_after_wait_ms: [250, 750],
      rate_cap_wait_ms: [40],
    });
    expect(costOutcome(cost(), samples, [budgetThreshold(true)])).toEqual({
      credits: { spent: 30, budget: 100, budgetSource: 'config', budgetSpent: false },
      pacing: { retryAfterWaits: 2, retryAfterWaitMs: 1000, rateCapWaitMs: 40 },
    });
  });

  it('spending exactly the budget is within it; one credit more is CREDIT_BUDGET_SPENT, even without the threshold', () => {
    expect(costOutcome(cost(), counters({ credits_used: [50, 50] }), []).failure).toBeUndefined();
    const over = costOutcome(cost(), counters({ credits_used: [50, 51] }), []);
    expect(over.credits).toEqual({ spent: 101, budget: 100, budgetSource: 'config', budgetSpent: true });
    expect(over.failure).toEqual({
      code: 'CREDIT_BUDGET_SPENT',
      message:
        'credit budget spent: 101 credits counted from the answers exceed maxCredits 100 (config); the engine stops the load at its next threshold evaluation, so the plan may not have completed (raise with --max-credits or HARNESS_MAX_CREDITS)',
    });
  });

  it('the engine’s crossed budget threshold stops the run even when fewer credits were counted', () => {
    const out = costOutcome(cost(), counters({ credits_used: [40] }), [budgetThreshold(false)]);
    expect(out.credits.budgetSpent).toBe(true);
    expect(out.failure?.code).toBe('CREDIT_BUDGET_SPENT');
  });

  it('only the budget’s own threshold counts: another metric, limit, or a passing one does not', () => {
    expect(budgetCrossed([budgetThreshold(false)], 100)).toBe(true);
    expect(budgetCrossed([budgetThreshold(true)], 100)).toBe(false);
    expect(budgetCrossed([{ metric: 'credits_used', expression: 'count<=99', ok: false }], 100)).toBe(false);
    expect(budgetCrossed([{ metric: 'http_reqs', expression: 'count<=100', ok: false }], 100)).toBe(false);
    expect(budgetCrossed([], 100)).toBe(false);
  });

  it('an unlimited budget is never spent, however many credits were counted', () => {
    const free = planCosts({ loadProfile: 'smoke' }, { profile, embedded: true }, ['sync-latency']);
    const out = costOutcome(free, counters({ credits_used: [1e9] }), []);
    expect(out.credits).toEqual({
      spent: 1e9,
      budget: 'unlimited',
      budgetSource: 'default',
      budgetSpent: false,
    });
    expect(out.failure).toBeUndefined();
  });

  it('no samples: nothing spent, nothing waited', () => {
    expect(costOutcome(cost(), emptyAggregates(), [])).toEqual({
      credits: { spent: 0, budget: 100, budgetSource: 'config', budgetSpent: false },
      pacing: { retryAfterWaits: 0, retryAfterWaitMs: 0, rateCapWaitMs: 0 },
    });
  });
});
