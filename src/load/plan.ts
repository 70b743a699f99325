import type { Scenario } from 'k6/options';
import { EXECUTORS, type ScenarioName } from '../../scenarios/lib/executors.js';
import { parseDuration } from '../engine/local/options/duration.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { TargetProfile } from '../types/generated/target-profile.js';

type Role = 'fast' | 'slow' | 'conversational';

/** Credits one execution of a workflow role costs, and where the figure comes from. */
export interface RoleCost {
  readonly credits: number;
  readonly source: 'verify' | 'profile';
}

export interface ScenarioPlan {
  readonly scenario: ScenarioName;
  readonly executor: string;
  /** Planned length (the executor's duration, or maxDuration for iteration-based ones). */
  readonly durationS: number;
  /** Rate or VUs, in words: "10 iterations/s (≤ 20 VUs)", "3 VUs". */
  readonly load: string;
  readonly executions: number;
  /** True when executions depend on how fast the target answers (closed executors with a duration). */
  readonly estimated: boolean;
  /** null when a workflow's creditUsage is unknown. */
  readonly credits: number | null;
}

/**
 * Executions per iteration by workflow role, as each scenario spends them (scenarios/*.ts):
 * mixed = 60 % one sync call, 25 % a 3-turn conversation, 15 % one background execution.
 */
const MIX: Readonly<Record<ScenarioName, Readonly<Partial<Record<Role, number>>>>> = {
  'sync-latency': { fast: 1 },
  'timeout-boundary': { slow: 1 },
  'background-polling': { slow: 1 },
  mixed: { fast: 0.6, conversational: 0.75, slow: 0.15 },
};

/** A closed executor's iteration takes at least this long (HTTP round trip, validation). */
const MIN_ITERATION_MS = 5;

const seconds = (value: unknown, fallback = 0): number =>
  value === undefined ? fallback : parseDuration(value, 'duration') / 1000;

function roleOf(profile: TargetProfile, role: Role): Role {
  return profile.workflows[role] === undefined ? 'fast' : role;
}

/** One scenario's plan under the executor the profile (or HARNESS_EXECUTOR) gives it. */
export function planScenario(
  scenario: ScenarioName,
  executor: Scenario,
  profile: TargetProfile,
  costs: Readonly<Partial<Record<Role, RoleCost>>>,
  observedMs: Readonly<Partial<Record<Role, number>>> = {},
): ScenarioPlan {
  const e = executor as unknown as Record<string, unknown>;
  const num = (key: string): number => (typeof e[key] === 'number' ? e[key] : 0);
  const mix = Object.entries(MIX[scenario]).map(([r, n]) => [roleOf(profile, r as Role), n] as const);
  const iterationMs = Math.max(
    MIN_ITERATION_MS,
    mix.reduce((ms, [r, n]) => ms + n * (observedMs[r] ?? profile.workflows[r]?.expectedDurationMs ?? 0), 0),
  );
  let iterations: number;
  let durationS: number;
  let load: string;
  let estimated = false;
  switch (executor.executor) {
    case 'constant-arrival-rate': {
      durationS = seconds(e.duration);
      const perS = num('rate') / seconds(e.timeUnit, 1);
      iterations = perS * durationS;
      load = `${perS} iterations/s (≤ ${num('maxVUs')} VUs)`;
      break;
    }
    case 'ramping-arrival-rate': {
      const stages = (e.stages ?? []) as { target: number; duration: string }[];
      let rate = num('startRate');
      iterations = 0;
      durationS = 0;
      for (const s of stages) {
        const d = seconds(s.duration);
        iterations += ((rate + s.target) / 2) * d;
        durationS += d;
        rate = s.target;
      }
      iterations /= seconds(e.timeUnit, 1);
      const peak = Math.max(num('startRate'), ...stages.map((s) => s.target)) / seconds(e.timeUnit, 1);
      load = `ramping to ${peak} iterations/s (≤ ${num('maxVUs')} VUs)`;
      break;
    }
    case 'shared-iterations':
      iterations = num('iterations');
      durationS = seconds(e.maxDuration, 600);
      load = `${num('vus')} VUs, ${iterations} iterations in all`;
      break;
    case 'per-vu-iterations':
      iterations = num('vus') * num('iterations');
      durationS = seconds(e.maxDuration, 600);
      load = `${num('vus')} VUs × ${num('iterations')} iterations`;
      break;
    default: {
      // constant-vus: as many iterations as the target's answers allow.
      durationS = seconds(e.duration);
      iterations = (num('vus') * durationS * 1000) / iterationMs;
      load = `${num('vus')} VUs (closed: ~${Math.round(iterationMs)} ms per iteration)`;
      estimated = true;
    }
  }
  const executions = mix.reduce((sum, [, n]) => sum + n * iterations, 0);
  const unknown = mix.some(([r]) => costs[r] === undefined);
  const credits = unknown ? null : mix.reduce((sum, [r, n]) => sum + n * iterations * costs[r]!.credits, 0);
  return {
    scenario,
    executor: executor.executor,
    durationS,
    load,
    executions: Math.round(executions),
    estimated,
    credits: credits === null ? null : Math.round(credits),
  };
}

/** The plan of a run: every scenario it starts, under the load profile (or HARNESS_EXECUTOR's override). */
export function planLoad(
  scenarios: readonly ScenarioName[],
  loadProfile: HarnessConfig['loadProfile'],
  profile: TargetProfile,
  costs: Readonly<Partial<Record<Role, RoleCost>>>,
  observedMs: Readonly<Partial<Record<Role, number>>> = {},
  override?: Scenario,
): ScenarioPlan[] {
  return scenarios.map((s) =>
    planScenario(s, override ?? EXECUTORS[loadProfile][s], profile, costs, observedMs),
  );
}
