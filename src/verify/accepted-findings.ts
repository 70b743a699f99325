import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractValidator } from '../contract/index.js';
import { HarnessError } from '../errors/index.js';
import type { AcceptedFinding, AcceptedFindings } from '../types/generated/accepted-findings.js';
import type { CheckResult } from './check-result.js';

type Failure = CheckResult['failures'][number];

/** targets/<name>.accepted.json, beside the profile it belongs to. */
export const acceptedFileOf = (targetsDir: string, targetName: string): string =>
  join(targetsDir, `${targetName}.accepted.json`);

/** The file's entries ([] when there is none); an invalid file is a user error, never ignored. */
export function loadAccepted(file: string): AcceptedFinding[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError('HARNESS_ERR_TARGET_INVALID', `${file} is not JSON: ${(error as Error).message}`, {
      hint: 'Fix the file, or delete it and rerun `harness verify --accept-current` to write it again.',
    });
  }
  const { valid, errors } = new ContractValidator().validate('accepted-findings.schema.json', data);
  if (!valid)
    throw new HarnessError(
      'HARNESS_ERR_TARGET_INVALID',
      `${file} does not match schemas/accepted-findings.schema.json: ${errors.map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ')}`,
      { hint: 'Each entry needs check, code, pointer, reason and expires (YYYY-MM-DD).' },
    );
  return (data as AcceptedFindings).accepted;
}

export const matches = (entry: AcceptedFinding, failure: Failure): boolean =>
  entry.check === failure.check && entry.code === failure.code && entry.pointer === failure.instancePath;

/** Today as YYYY-MM-DD (UTC): an entry holds through its `expires` day. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Moves a check's failures that an unexpired entry lists to `accepted` (the check passes when
 * none is left); a failure matched only by expired entries stays failed and says so.
 */
export function applyAccepted(
  check: CheckResult,
  entries: readonly AcceptedFinding[],
  today: string,
): CheckResult {
  if (entries.length === 0 || check.failures.length === 0) return check;
  const failures: Failure[] = [];
  const accepted: NonNullable<CheckResult['accepted']> = [];
  for (const failure of check.failures) {
    const listed = entries.filter((e) => matches(e, failure));
    const live = listed.find((e) => e.expires >= today);
    if (live !== undefined) accepted.push({ failure, reason: live.reason, expires: live.expires });
    else if (listed.length > 0) {
      const last = listed
        .map((e) => e.expires)
        .sort()
        .at(-1);
      failures.push({ ...failure, message: `${failure.message} (its acceptance expired on ${last})` });
    } else failures.push(failure);
  }
  if (accepted.length === 0 && failures.every((f, i) => f === check.failures[i])) return check;
  return {
    ...check,
    outcome: failures.length === 0 ? 'passed' : 'failed',
    failures,
    ...(accepted.length === 0 ? {} : { accepted }),
  };
}
