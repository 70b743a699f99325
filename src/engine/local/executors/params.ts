import { HarnessError } from '../../../errors/index.js';
import { parseDuration } from '../options/duration.js';

type Raw = Readonly<Record<string, unknown>>;

export function invalid(scenario: string, key: string, why: string): HarnessError {
  return new HarnessError('HARNESS_ERR_ENGINE_OPTIONS', `scenario '${scenario}': ${key} ${why}`);
}

/** k6's wording (exit 104): "scenario a has configuration errors: the duration must be at least 1s, but is 500ms". */
export function configError(scenario: string, why: string): HarnessError {
  return new HarnessError(
    'HARNESS_ERR_ENGINE_OPTIONS',
    `There were problems with the specified script configuration:\n\t- scenario ${scenario} has configuration errors: ${why}`,
  );
}

/** A duration as Go's time.Duration.String() prints it, which k6 quotes in its messages. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const trim = (n: number): string => String(Number(n.toFixed(9)));
  if (ms < 1e-3) return `${trim(ms * 1e6)}ns`;
  if (ms < 1) return `${trim(ms * 1e3)}µs`;
  if (ms < 1000) return `${trim(ms)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = trim((ms % 60_000) / 1000);
  return h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
}

/** k6 refuses durations (and maxDurations) below 1 s for every executor that has one. */
export const MIN_DURATION_MS = 1000;

export function atLeastOneSecond(
  raw: Raw,
  key: string,
  scenario: string,
  fallback: string | undefined,
): number {
  const v = raw[key] ?? fallback;
  if (v === undefined) throw configError(scenario, `the ${key} is unspecified`);
  const ms = durationField(raw, key, scenario, fallback);
  if (ms < MIN_DURATION_MS)
    throw configError(
      scenario,
      `the ${key} must be at least ${goDuration(MIN_DURATION_MS)}, but is ${goDuration(ms)}`,
    );
  return ms;
}

/** A whole number ≥ min; `fallback` when absent (undefined fallback = required). */
export function intField(
  raw: Raw,
  key: string,
  scenario: string,
  fallback: number | undefined,
  min = 1,
): number {
  const v = raw[key] ?? fallback;
  if (v === undefined) throw invalid(scenario, key, 'is required');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw invalid(scenario, key, `must be a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return v;
}

/** The arrival rates' maxVUs: preAllocatedVUs when absent; k6 refuses fewer (exit 104). */
export function maxVusField(raw: Raw, scenario: string, preAllocatedVUs: number): number {
  const maxVUs = intField(raw, 'maxVUs', scenario, preAllocatedVUs, 0);
  if (maxVUs < preAllocatedVUs) throw configError(scenario, "maxVUs can't be less than preAllocatedVUs");
  return maxVUs;
}

/** A duration in ms; `fallback` (a k6 duration string) when absent, undefined = required. */
export function durationField(raw: Raw, key: string, scenario: string, fallback: string | undefined): number {
  const v = raw[key] ?? fallback;
  if (v === undefined) throw invalid(scenario, key, 'is required');
  return parseDuration(v, `scenario '${scenario}': ${key}`);
}

export function positiveDuration(
  raw: Raw,
  key: string,
  scenario: string,
  fallback: string | undefined,
): number {
  const ms = durationField(raw, key, scenario, fallback);
  if (ms <= 0) throw invalid(scenario, key, 'must be longer than 0s');
  return ms;
}
