import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/index.js';
import type { ResolvedTarget } from '../../src/target/index.js';
import { buildResult, type ResultInput } from '../../src/verify/build-result.js';
import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import type { CheckResult } from '../../src/verify/check-result.js';

/**
 * verify.json's verdict summary and header as a reader and CI see them: the counts per outcome,
 * the faults only when the embedded reference ran with some, notes only when there are any, and
 * an internal error instead of a result that does not match its schema.
 */
const check = (id: string, outcome: CheckResult['outcome']): CheckResult => ({
  id,
  title: id,
  outcome,
  durationMs: 1,
  failures: [],
});

function input(over: Partial<ResultInput> & { embedded?: boolean } = {}): ResultInput {
  const { embedded = true, ...rest } = over;
  return {
    runId: 'run-1',
    target: {
      profile: { name: 'reference', baseUrl: 'http://127.0.0.1:1' },
      embedded,
    } as unknown as ResolvedTarget,
    faults: [],
    seed: 7,
    startedAt: new Date(0),
    finishedAt: new Date(1000),
    checks: [check('a', 'passed'), check('b', 'failed'), check('c', 'skipped'), check('d', 'failed')],
    ...rest,
  };
}

describe('verify result', () => {
  it('counts each outcome; no deviations and no acceptances are 0 and absent', () => {
    expect(buildResult(input()).summary).toEqual({ passed: 1, failed: 2, skipped: 1, deviations: 0 });
  });

  it('counts the observed deviations over all checks, and the accepted findings', () => {
    const deviation = (code: string): ContractFailure => ({
      code,
      check: 'a',
      endpoint: 'POST /v1/workflows/fast/execute',
      status: 200,
      instancePath: '/credits',
      schemaPath: 'inferred',
      received: 3,
      documented: 2,
      message: 'credits differ from the inferred accounting',
      basis: 'inferred',
    });
    const checks = [
      { ...check('a', 'passed'), deviations: [deviation('CREDIT_ACCOUNTING'), deviation('TYPICAL_TIME')] },
      { ...check('b', 'passed'), deviations: [deviation('CREDIT_ACCOUNTING')] },
      {
        ...check('c', 'passed'),
        accepted: [{ failure: deviation('WRONG_STATUS'), reason: 'known', expires: '2099-01-01' }],
      },
    ];
    expect(buildResult(input({ checks })).summary).toEqual({
      passed: 3,
      failed: 0,
      skipped: 0,
      deviations: 3,
      accepted: 1,
    });
  });

  it('names the faults only for the embedded reference run with some', () => {
    expect(buildResult(input({ faults: ['slow-poll'] })).target).toEqual({
      name: 'reference',
      baseUrl: 'http://127.0.0.1:1',
      embedded: true,
      faults: ['slow-poll'],
    });
    expect(buildResult(input()).target).not.toHaveProperty('faults');
    expect(buildResult(input({ embedded: false, faults: ['slow-poll'] })).target).not.toHaveProperty(
      'faults',
    );
  });

  it('carries the preflight notes only when there are some', () => {
    expect(buildResult(input({ notes: ['guessed the workflow'] })).notes).toEqual(['guessed the workflow']);
    expect(buildResult(input({ notes: [] }))).not.toHaveProperty('notes');
    expect(buildResult(input())).not.toHaveProperty('notes');
  });

  it('a result that does not match verify-result.schema.json is an internal error, never written', () => {
    let error: unknown;
    try {
      buildResult(input({ checks: [check('a', 'weird' as CheckResult['outcome'])] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('HARNESS_ERR_INTERNAL');
    expect((error as HarnessError).message).toMatch(
      /^verify result does not match verify-result\.schema\.json: \/checks\/0\/outcome must be equal to one of the allowed values/,
    );
  });
});
