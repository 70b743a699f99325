import { describe, expect, it } from 'vitest';
import { configFromFlags } from '../../src/cli/config-flags.js';
import { resolveConfig } from '../../src/config/index.js';
import { isHarnessError } from '../../src/errors/index.js';
import { DEFAULT_MAX_CREDITS, resolveBudget, roleCosts } from '../../src/load/credit-budget.js';
import { planLines } from '../../src/load/plan-lines.js';
import { planLoad, planScenario } from '../../src/load/plan.js';
import type { VerifyResult } from '../../src/types/generated/verify-result.js';
import type { TargetProfile } from '../../src/types/generated/target-profile.js';
import { planCosts, planProfile, wf } from './plan-fixture.js';

const profile = planProfile;
const costs = planCosts;

describe('the plan printed before load', () => {
  it('arrival-rate: rate × duration executions, priced per workflow', () => {
    const p = planScenario(
      'sync-latency',
      {
        executor: 'constant-arrival-rate',
        rate: 10,
        timeUnit: '1s',
        duration: '3s',
        preAllocatedVUs: 2,
        maxVUs: 20,
      },
      profile,
      costs,
    );
    expect(p).toMatchObject({ durationS: 3, executions: 30, credits: 300, estimated: false });
    expect(p.load).toBe('10 iterations/s (≤ 20 VUs)');
  });

  it('ramping-arrival-rate integrates its stages; iteration executors count their iterations', () => {
    const ramp = planScenario(
      'sync-latency',
      {
        executor: 'ramping-arrival-rate',
        startRate: 0,
        timeUnit: '1s',
        preAllocatedVUs: 1,
        maxVUs: 10,
        stages: [
          { target: 10, duration: '10s' },
          { target: 10, duration: '10s' },
        ],
      },
      profile,
      costs,
    );
    expect(ramp).toMatchObject({ durationS: 20, executions: 150, credits: 1500 });
    const shared = planScenario(
      'timeout-boundary',
      { executor: 'shared-iterations', vus: 4, iterations: 8, maxDuration: '2m' },
      profile,
      costs,
    );
    expect(shared).toMatchObject({ durationS: 120, executions: 8, credits: 200 });
    const perVu = planScenario(
      'background-polling',
      { executor: 'per-vu-iterations', vus: 4, iterations: 2 },
      profile,
      costs,
    );
    expect(perVu).toMatchObject({ executions: 8, credits: 200 });
  });

  it('constant-vus is estimated from how long an iteration takes: the profile, or what verify observed', () => {
    const executor = { executor: 'constant-vus', vus: 2, duration: '10s' } as const;
    expect(planScenario('sync-latency', executor, profile, costs)).toMatchObject({
      executions: 200, // 2 VUs × 10 s / 100 ms
      estimated: true,
    });
    expect(planScenario('sync-latency', executor, profile, costs, { fast: 50 }).executions).toBe(400);
    // mixed: 0.6 fast + 0.75 conversational + 0.15 slow executions per iteration.
    const mixed = planScenario('mixed', executor, profile, costs);
    const iterations = (2 * 10_000) / (0.6 * 100 + 0.75 * 5 + 0.15 * 20_000);
    expect(mixed.executions).toBe(Math.round(1.5 * iterations));
    expect(mixed.credits).toBe(Math.round(iterations * (0.6 * 10 + 0.75 * 3 + 0.15 * 25)));
  });

  it('unknown creditUsage: credits null, and the lines say so; a plan above the budget says it will stop', () => {
    const bare: TargetProfile = { ...profile, workflows: { fast: wf() } };
    const plans = planLoad(['sync-latency'], 'smoke', bare, roleCosts(bare));
    expect(plans[0]?.credits).toBeNull();
    expect(planLines(plans, 100, 'default').join('\n')).toMatch(/credits unknown/);
    const priced = planLoad(['sync-latency'], 'smoke', profile, costs);
    expect(planLines(priced, 100, 'config').join('\n')).toMatch(
      /300 credits; budget 100 credits .*will stop the load/,
    );
    expect(planLines(priced, 1000, 'config').join('\n')).not.toMatch(/will stop/);
  });

  it("verify's observed creditUsage takes precedence over the profile's creditsPerExecution", () => {
    const verify = {
      checks: [{ id: 'execute-success', observations: { creditUsage: 12 } }],
    } as unknown as VerifyResult;
    expect(roleCosts(profile, verify).fast).toEqual({ credits: 12, source: 'verify' });
    expect(roleCosts(profile).fast).toEqual({ credits: 10, source: 'profile' });
  });
});

describe('the credit budget: flags > env > profile > default', () => {
  it('resolves config, then the target profile, then the default (unlimited only for the embedded reference)', () => {
    expect(resolveBudget({ maxCredits: 50 }, { maxCredits: 70 }, false)).toEqual({
      budget: 50,
      source: 'config',
    });
    expect(resolveBudget({}, { maxCredits: 70 }, false)).toEqual({ budget: 70, source: 'profile' });
    expect(resolveBudget({}, {}, false)).toEqual({ budget: DEFAULT_MAX_CREDITS, source: 'default' });
    expect(resolveBudget({}, {}, true)).toEqual({ budget: 'unlimited', source: 'default' });
    expect(resolveBudget({ maxCredits: 'unlimited' }, { maxCredits: 70 }, false).budget).toBe('unlimited');
  });

  it('HARNESS_MAX_CREDITS sets it, a flag overrides it, and a bad value is a named config error', () => {
    expect(resolveConfig({ env: { HARNESS_MAX_CREDITS: '500' } }).maxCredits).toBe(500);
    expect(resolveConfig({ env: { HARNESS_MAX_CREDITS: 'unlimited' } }).maxCredits).toBe('unlimited');
    expect(resolveConfig({ env: { HARNESS_MAX_CREDITS: '500' }, flags: { maxCredits: 20 } }).maxCredits).toBe(
      20,
    );
    expect(resolveConfig({ env: {} }).maxCredits).toBeUndefined();
    for (const bad of ['lots', '-5']) {
      const error = (() => {
        try {
          resolveConfig({ env: { HARNESS_MAX_CREDITS: bad } });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_CONFIG_INVALID');
      expect(String((error as Error).message)).toMatch(/HARNESS_MAX_CREDITS|maxCredits/);
    }
  });

  it('--max-credits takes a number or `unlimited`; anything else is a usage error naming the flag', async () => {
    expect((await configFromFlags({ maxCredits: '250' })).maxCredits).toBe(250);
    expect((await configFromFlags({ maxCredits: 'unlimited' })).maxCredits).toBe('unlimited');
    const error: unknown = await configFromFlags({ maxCredits: 'plenty' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_USAGE');
    expect(String((error as Error).message)).toContain('--max-credits');
  });
});
