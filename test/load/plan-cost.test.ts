import { describe, expect, it } from 'vitest';
import { roleCosts } from '../../src/load/credit-budget.js';
import { planLoad, planScenario } from '../../src/load/plan.js';
import { EXECUTORS } from '../../scenarios/lib/executors.js';
import type { TargetProfile } from '../../src/types/generated/target-profile.js';
import { planCosts, planProfile, wf } from './plan-fixture.js';

/**
 * What a load run will cost, as the plan printed before load says: executions and credits per
 * scenario under each executor's own arithmetic (time units, ramps, defaults), the workflow each
 * scenario's iteration calls, and the closed executors' estimate from how long an iteration takes.
 */

const profile = planProfile;
const costs = planCosts;

describe('what an arrival-rate run will cost', () => {
  it('a rate per minute is divided by the time unit: 120/min for 30 s is 60 executions', () => {
    const p = planScenario(
      'sync-latency',
      {
        executor: 'constant-arrival-rate',
        rate: 120,
        timeUnit: '1m',
        duration: '30s',
        preAllocatedVUs: 1,
        maxVUs: 5,
      },
      profile,
      costs,
    );
    expect(p).toEqual({
      scenario: 'sync-latency',
      executor: 'constant-arrival-rate',
      durationS: 30,
      load: '2 iterations/s (≤ 5 VUs)',
      executions: 60,
      estimated: false,
      credits: 600,
    });
  });

  it('a ramp starts from startRate, integrates each stage linearly, and reports its peak per second', () => {
    const p = planScenario(
      'sync-latency',
      {
        executor: 'ramping-arrival-rate',
        startRate: 20,
        timeUnit: '2s',
        preAllocatedVUs: 1,
        maxVUs: 8,
        stages: [
          { target: 40, duration: '10s' }, // (20 + 40) / 2 × 10 = 300
          { target: 0, duration: '4s' }, // (40 + 0) / 2 × 4 = 80
        ],
      },
      profile,
      costs,
    );
    // 380 iterations per 2 s time unit.
    expect(p).toMatchObject({ durationS: 14, executions: 190, credits: 1900, estimated: false });
    expect(p.load).toBe('ramping to 20 iterations/s (≤ 8 VUs)');
  });

  it('a ramp whose start rate is its highest reports the start rate as its peak', () => {
    const p = planScenario(
      'sync-latency',
      {
        executor: 'ramping-arrival-rate',
        startRate: 30,
        timeUnit: '1s',
        preAllocatedVUs: 1,
        maxVUs: 4,
        stages: [{ target: 10, duration: '2s' }],
      },
      profile,
      costs,
    );
    expect(p).toMatchObject({ durationS: 2, executions: 40, load: 'ramping to 30 iterations/s (≤ 4 VUs)' });
  });

  it('a ramp without stages plans nothing, and no maxVUs reads as 0', () => {
    const p = planScenario(
      'sync-latency',
      { executor: 'ramping-arrival-rate', startRate: 5 } as never,
      profile,
      costs,
    );
    expect(p).toMatchObject({
      durationS: 0,
      executions: 0,
      credits: 0,
      load: 'ramping to 5 iterations/s (≤ 0 VUs)',
    });
  });
});

describe('what an iteration-based run will cost', () => {
  it('shared-iterations: its iterations in all, bounded by maxDuration (k6 default 10 min)', () => {
    const p = planScenario(
      'sync-latency',
      { executor: 'shared-iterations', vus: 3, iterations: 7 },
      profile,
      costs,
    );
    expect(p).toEqual({
      scenario: 'sync-latency',
      executor: 'shared-iterations',
      durationS: 600,
      load: '3 VUs, 7 iterations in all',
      executions: 7,
      estimated: false,
      credits: 70,
    });
  });

  it('per-vu-iterations: VUs × iterations, with its maxDuration or the 10 min default', () => {
    const p = planScenario(
      'sync-latency',
      { executor: 'per-vu-iterations', vus: 3, iterations: 5, maxDuration: '90s' },
      profile,
      costs,
    );
    expect(p).toEqual({
      scenario: 'sync-latency',
      executor: 'per-vu-iterations',
      durationS: 90,
      load: '3 VUs × 5 iterations',
      executions: 15,
      estimated: false,
      credits: 150,
    });
    expect(
      planScenario('sync-latency', { executor: 'per-vu-iterations', vus: 1, iterations: 1 }, profile, costs)
        .durationS,
    ).toBe(600);
  });
});

describe('what a closed (constant-vus) run will cost: an estimate', () => {
  it('says how long it assumes an iteration takes, from what verify observed over the profile', () => {
    const executor = { executor: 'constant-vus', vus: 4, duration: '20s' } as const;
    expect(planScenario('sync-latency', executor, profile, costs, { fast: 250 })).toEqual({
      scenario: 'sync-latency',
      executor: 'constant-vus',
      durationS: 20,
      load: '4 VUs (closed: ~250 ms per iteration)',
      executions: 320, // 4 × 20 000 ms / 250 ms
      estimated: true,
      credits: 3200,
    });
    // An observation for another role leaves the fast workflow at the profile's 100 ms.
    expect(planScenario('sync-latency', executor, profile, costs, { slow: 1 }).executions).toBe(800);
  });

  it('assumes at least 5 ms per iteration, even for an instant or unknown workflow', () => {
    const executor = { executor: 'constant-vus', vus: 1, duration: '1s' } as const;
    const instant: TargetProfile = { ...profile, workflows: { fast: wf(1, 1) } };
    expect(planScenario('sync-latency', executor, instant, roleCosts(instant))).toMatchObject({
      executions: 200,
      load: '1 VUs (closed: ~5 ms per iteration)',
    });
    const unknown: TargetProfile = { ...profile, workflows: { fast: wf(1) } };
    expect(planScenario('sync-latency', executor, unknown, roleCosts(unknown)).executions).toBe(200);
  });

  it('rounds executions and credits to whole numbers', () => {
    // 1 VU × 1 s / 300 ms = 3.33 iterations of the fast workflow at 10 credits each.
    const executor = { executor: 'constant-vus', vus: 1, duration: '1s' } as const;
    const p = planScenario('sync-latency', executor, profile, costs, { fast: 300 });
    expect(p).toMatchObject({ executions: 3, credits: 33 });
  });
});

describe('which workflow a scenario spends credits on', () => {
  it('timeout-boundary and background-polling call the slow workflow; mixed calls all three', () => {
    const once = { executor: 'shared-iterations', vus: 1, iterations: 100 } as const;
    expect(planScenario('timeout-boundary', once, profile, costs).credits).toBe(2500);
    expect(planScenario('background-polling', once, profile, costs).credits).toBe(2500);
    // 100 iterations: 60 fast (10), 75 conversational (3), 15 slow (25).
    expect(planScenario('mixed', once, profile, costs)).toMatchObject({ executions: 150, credits: 1200 });
  });

  it('a profile without a slow or conversational workflow prices those calls as the fast one', () => {
    const fastOnly: TargetProfile = { ...profile, workflows: { fast: wf(10, 100) } };
    const once = { executor: 'shared-iterations', vus: 1, iterations: 100 } as const;
    expect(planScenario('timeout-boundary', once, fastOnly, roleCosts(fastOnly)).credits).toBe(1000);
    expect(planScenario('mixed', once, fastOnly, roleCosts(fastOnly)).credits).toBe(1500);
  });

  it('one role without a known cost leaves the whole scenario unpriced, never priced at 0', () => {
    const noSlowCost: TargetProfile = {
      ...profile,
      workflows: { ...profile.workflows, slow: wf(undefined, 10) },
    };
    const once = { executor: 'shared-iterations', vus: 1, iterations: 100 } as const;
    expect(planScenario('mixed', once, noSlowCost, roleCosts(noSlowCost)).credits).toBeNull();
    expect(planScenario('sync-latency', once, noSlowCost, roleCosts(noSlowCost)).credits).toBe(1000);
  });
});

describe('an executor the plan cannot read', () => {
  it('an unreadable duration is refused, naming it', () => {
    expect(() =>
      planScenario(
        'sync-latency',
        { executor: 'constant-vus', vus: 1, duration: 'ten seconds' },
        profile,
        costs,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_ENGINE_OPTIONS',
        message: 'duration is not a valid duration: "ten seconds"',
      }),
    );
  });
});

describe('the plan of a run', () => {
  it('plans every scenario under the load profile’s executors, or all under HARNESS_EXECUTOR’s', () => {
    const scenarios = ['sync-latency', 'timeout-boundary'] as const;
    const smoke = planLoad(scenarios, 'smoke', profile, costs);
    expect(smoke.map((p) => [p.scenario, p.executor, p.executions, p.credits])).toEqual([
      ['sync-latency', 'constant-arrival-rate', 30, 300],
      ['timeout-boundary', 'shared-iterations', 8, 200],
    ]);
    const load = planLoad(['sync-latency'], 'load', profile, costs);
    expect(load[0]?.executor).toBe(EXECUTORS.load['sync-latency'].executor);
    expect(load[0]?.executions).toBe(50 * 120);
    const override = planLoad(
      scenarios,
      'smoke',
      profile,
      costs,
      { fast: 100 },
      {
        executor: 'per-vu-iterations',
        vus: 2,
        iterations: 3,
      },
    );
    expect(override.map((p) => [p.scenario, p.executor, p.executions])).toEqual([
      ['sync-latency', 'per-vu-iterations', 6],
      ['timeout-boundary', 'per-vu-iterations', 6],
    ]);
  });

  it('passes what verify observed to the closed executors', () => {
    const [mixed] = planLoad(
      ['mixed'],
      'smoke',
      { ...profile, workflows: { fast: wf(1, 100) } },
      { fast: { credits: 1, source: 'profile' } },
      { fast: 10 },
    );
    // smoke mixed: 3 VUs for 4 s at 10 ms per iteration (every role is the fast workflow).
    expect(mixed?.executions).toBe(Math.round(1.5 * ((3 * 4000) / 15)));
  });
});
