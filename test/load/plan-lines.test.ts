import { describe, expect, it } from 'vitest';
import { planLines } from '../../src/load/plan-lines.js';
import type { ScenarioPlan } from '../../src/load/plan.js';

/**
 * The plan printed before load starts, exactly: one aligned row per scenario (its duration in
 * s / min / h, whether the figures are estimates, '?' for an unknown cost), the totals, the budget
 * with where it comes from, and the warning when the budget will stop the run before it completes.
 */

const plan = (over: Partial<ScenarioPlan>): ScenarioPlan => ({
  scenario: 'sync-latency',
  executor: 'constant-arrival-rate',
  durationS: 90,
  load: '10 iterations/s (≤ 20 VUs)',
  executions: 900,
  estimated: false,
  credits: 9000,
  ...over,
});
const closed = plan({
  scenario: 'mixed',
  executor: 'constant-vus',
  durationS: 7200,
  load: '3 VUs (closed: ~15 ms per iteration)',
  executions: 1_234_567,
  estimated: true,
  credits: 12_345,
});

describe('the plan printed before load', () => {
  it('aligns one row per scenario; estimates carry ≈; totals use the longest duration', () => {
    expect(planLines([plan({}), closed], 20_000, 'config')).toEqual([
      'plan (before load):',
      '  scenario      duration  load                                  executions   credits',
      '  sync-latency  1.5 min   10 iterations/s (≤ 20 VUs)            900          9,000',
      '  mixed         2 h       3 VUs (closed: ~15 ms per iteration)  ≈ 1,234,567  ≈ 12,345',
      '  total: up to 2 h, 1,235,467 executions, 21,345 credits; budget 20,000 credits (config; --max-credits or HARNESS_MAX_CREDITS) — the budget will stop the load before the plan completes',
    ]);
  });

  it('writes durations in seconds under a minute, minutes under an hour, hours beyond', () => {
    const total = (durationS: number): string | undefined =>
      planLines([plan({ durationS })], 'unlimited', 'default')[3]?.replace(/,.*/, '');
    expect(total(2.5)).toBe('  total: up to 2.5 s');
    expect(total(59)).toBe('  total: up to 59 s');
    expect(total(60)).toBe('  total: up to 1 min');
    expect(total(3594)).toBe('  total: up to 59.9 min');
    expect(total(3600)).toBe('  total: up to 1 h');
    expect(total(5 * 3600 + 36)).toBe('  total: up to 5.01 h');
  });

  it('a budget the plan fits exactly does not stop it; an unlimited one never does', () => {
    const exact = planLines([plan({ credits: 500 })], 500, 'profile').at(-1);
    expect(exact).toBe(
      '  total: up to 1.5 min, 900 executions, 500 credits; budget 500 credits (profile; --max-credits or HARNESS_MAX_CREDITS)',
    );
    expect(planLines([plan({ credits: 501 })], 500, 'profile').at(-1)).toMatch(/will stop the load/);
    expect(planLines([plan({ credits: 10 ** 9 })], 'unlimited', 'default').at(-1)).toBe(
      '  total: up to 1.5 min, 900 executions, 1,000,000,000 credits; budget unlimited (default)',
    );
  });

  it('an unknown cost shows ? and "credits unknown", and cannot claim the budget stops the run', () => {
    const lines = planLines(
      [plan({ credits: 5 }), closed, plan({ scenario: 'timeout-boundary', credits: null })],
      1,
      'default',
    );
    expect(lines[4]).toBe(
      '  timeout-boundary  1.5 min   10 iterations/s (≤ 20 VUs)            900          ?',
    );
    expect(lines.at(-1)).toBe(
      '  total: up to 2 h, 1,236,367 executions, credits unknown (no creditUsage observed, no creditsPerExecution in the profile); budget 1 credits (default; --max-credits or HARNESS_MAX_CREDITS)',
    );
  });

  it('no scenario: nothing planned, nothing spent', () => {
    expect(planLines([], 100, 'config')).toEqual([
      'plan (before load):',
      '  scenario  duration  load  executions  credits',
      '  total: up to 0 s, 0 executions, 0 credits; budget 100 credits (config; --max-credits or HARNESS_MAX_CREDITS)',
    ]);
  });
});
