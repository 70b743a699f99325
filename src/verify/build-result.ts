import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractValidator } from '../contract/index.js';
import { HarnessError } from '../errors/index.js';
import { scrubValue } from '../secrets/index.js';
import type { ResolvedTarget } from '../target/index.js';
import type { CheckResult, VerifyResult } from './check-result.js';
import { REPO_ROOT } from '../config/index.js';

const HARNESS_VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export interface ResultInput {
  readonly runId: string;
  readonly target: ResolvedTarget;
  readonly faults: readonly string[];
  readonly seed: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly checks: readonly CheckResult[];
  /** What the preflight learned (bare URL). */
  readonly notes?: readonly string[];
}

/** The versioned verify.json object, checked against schemas/verify-result.schema.json and scrubbed of keys before anyone sees it. */
export function buildResult(input: ResultInput): VerifyResult {
  const count = (outcome: CheckResult['outcome']): number =>
    input.checks.filter((c) => c.outcome === outcome).length;
  const accepted = input.checks.reduce((n, c) => n + (c.accepted?.length ?? 0), 0);
  const result: VerifyResult = {
    formatVersion: '1.0.0',
    kind: 'verify',
    runId: input.runId,
    target: {
      name: input.target.profile.name,
      baseUrl: input.target.profile.baseUrl,
      embedded: input.target.embedded,
      ...(input.target.embedded && input.faults.length > 0 ? { faults: [...input.faults] } : {}),
    },
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    seed: input.seed,
    harnessVersion: HARNESS_VERSION,
    ...((input.notes ?? []).length > 0 ? { notes: [...(input.notes ?? [])] } : {}),
    checks: [...input.checks],
    summary: {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      deviations: input.checks.reduce((n, c) => n + (c.deviations?.length ?? 0), 0),
      ...(accepted > 0 ? { accepted } : {}),
    },
  };
  const { valid, errors } = new ContractValidator().validate('verify-result.schema.json', result);
  if (!valid) {
    throw new HarnessError(
      'HARNESS_ERR_INTERNAL',
      `verify result does not match verify-result.schema.json: ${errors.map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ')}`,
    );
  }
  // A target may echo a key back in a body that a failure quotes.
  return scrubValue(result);
}
