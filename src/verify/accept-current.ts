import { existsSync, writeFileSync } from 'node:fs';
import type { AcceptedFinding } from '../types/generated/accepted-findings.js';
import { isoDay, loadAccepted, matches } from './accepted-findings.js';
import type { VerifyResult } from './check-result.js';

/** How long a freshly accepted finding holds before it must be looked at again. */
export const ACCEPT_DAYS = 30;

export interface AcceptOutcome {
  readonly file: string;
  readonly added: readonly AcceptedFinding[];
  readonly kept: number;
}

/**
 * `harness verify --accept-current`: adds every failure of `result` that the file does not
 * list yet (or lists only as expired), with a reason to review and a 30-day expiry. Existing
 * entries are kept as written (merge, never overwrite); an invalid existing file is refused.
 */
export function acceptCurrent(file: string, result: VerifyResult, now: Date = new Date()): AcceptOutcome {
  const existing = loadAccepted(file); // throws on an invalid file: refuse rather than overwrite it
  const today = isoDay(now);
  const expires = isoDay(new Date(now.getTime() + ACCEPT_DAYS * 86_400_000));
  const added: AcceptedFinding[] = [];
  for (const failure of result.checks.flatMap((c) => c.failures)) {
    const listed = [...existing, ...added].some((e) => matches(e, failure) && e.expires >= today);
    if (listed) continue;
    added.push({
      check: failure.check,
      code: failure.code,
      pointer: failure.instancePath,
      reason: `REVIEW: accepted from run ${result.runId} (${failure.message.slice(0, 160)}); say why it is tolerated`,
      expires,
    });
  }
  if (added.length > 0 || !existsSync(file)) {
    const body = { $schema: '../schemas/accepted-findings.schema.json', accepted: [...existing, ...added] };
    writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
  }
  return { file, added, kept: existing.length };
}
