import { HarnessError } from '../../../errors/index.js';
import { parseDuration } from '../options/duration.js';

type Raw = Readonly<Record<string, unknown>>;

export function invalid(scenario: string, key: string, why: string): HarnessError {
  return new HarnessError('HARNESS_ERR_ENGINE_OPTIONS', `scenario '${scenario}': ${key} ${why}`);
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
