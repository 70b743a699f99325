import type { HarnessConfig } from '../types/generated/harness-config.js';

/**
 * The longest planned scenario per load profile (scenarios/lib/profiles.ts: durations and
 * maxDuration; real time — the time scale only shortens the reference's workflows). Kept
 * here because src/ cannot import k6 code; a profile change there should be mirrored.
 */
const LONGEST_PLANNED_MS: Readonly<Record<HarnessConfig['loadProfile'], number>> = {
  smoke: 2 * 60_000,
  load: 5 * 60_000,
  stress: 5.5 * 60_000,
  soak: 2 * 3_600_000,
  nightly: 20 * 60_000,
};

/** Room for setup, graceful stops, the summary and a slow machine, on top of twice the plan. */
const MARGIN_MS = 10 * 60_000;

/** config.loadTimeoutMs, or twice the profile's longest planned scenario plus a margin. */
export function loadTimeoutMs(config: Pick<HarnessConfig, 'loadProfile' | 'loadTimeoutMs'>): number {
  return config.loadTimeoutMs ?? 2 * LONGEST_PLANNED_MS[config.loadProfile] + MARGIN_MS;
}

/** Time between SIGTERM and SIGKILL when the bound is hit: long enough for k6 to flush its outputs. */
export const KILL_GRACE_MS = 5_000;
