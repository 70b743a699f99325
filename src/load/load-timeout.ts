import { EXECUTORS } from '../../scenarios/lib/executors.js';
import { parseDuration } from '../engine/local/options/duration.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';

/** The longest planned scenario of a load profile (its duration or maxDuration), real time. */
function longestPlannedMs(profile: HarnessConfig['loadProfile']): number {
  return Math.max(
    ...Object.values(EXECUTORS[profile]).map((executor) => {
      const e = executor as unknown as Record<string, unknown>;
      const stages = (e.stages ?? []) as { duration: string }[];
      if (stages.length > 0)
        return stages.reduce((ms, st) => ms + parseDuration(st.duration, 'stage duration'), 0);
      // Iteration-based executors end at maxDuration at the latest (k6's default: 10 min).
      return parseDuration(e.duration ?? e.maxDuration ?? '10m', 'duration');
    }),
  );
}

/** Room for setup, graceful stops, the summary and a slow machine, on top of twice the plan. */
const MARGIN_MS = 10 * 60_000;

/** config.loadTimeoutMs, or twice the profile's longest planned scenario plus a margin. */
export function loadTimeoutMs(config: Pick<HarnessConfig, 'loadProfile' | 'loadTimeoutMs'>): number {
  return config.loadTimeoutMs ?? 2 * longestPlannedMs(config.loadProfile) + MARGIN_MS;
}

/** Time between SIGTERM and SIGKILL when the bound is hit: long enough for k6 to flush its outputs. */
export const KILL_GRACE_MS = 5_000;
