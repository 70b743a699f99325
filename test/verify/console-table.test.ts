import { describe, expect, it } from 'vitest';
import { printPretty } from '../../src/verify/print-pretty.js';
import { checkResult, failure, verifyResult } from './result-fixture.js';

/**
 * The console table `harness verify` prints, exactly: what ran against which target and how to
 * reproduce it, one row per check with its mark, time and detail, each failure with its rule,
 * request and curl (only the failure line under --ci), accepted findings and observed deviations
 * apart from failures, and the closing OK/FAILED line with every count.
 */
const checks = [
  checkResult({ id: 'a-pass', durationMs: 5 }),
  checkResult({ id: 'inferred-one', durationMs: 7, basis: 'inferred', title: 'credits add up' }),
  checkResult({ id: 'doc', durationMs: 7, basis: 'documented', title: 'doc title' }),
  checkResult({ id: 'b-skip', outcome: 'skipped', reason: 'needs extra keys', durationMs: 0 }),
  checkResult({
    id: 'c-fail',
    outcome: 'failed',
    durationMs: 1234,
    failures: [
      failure({
        check: 'c-fail',
        curl: "curl -X POST 'http://x.invalid/a'",
        request: { method: 'GET', path: '/v1/x' },
      }),
      failure({
        check: 'c-fail',
        status: null,
        code: 'TIMEOUT',
        schemaPath: 'status',
        request: { path: '/v1/y', body: '{"a":1}' },
      }),
    ],
    deviations: [
      failure({ check: 'c-fail', code: 'TYPICAL_TIME', basis: 'typical', message: 'slow' }),
      failure({ check: 'c-fail', code: 'X', message: 'no basis given' }),
    ],
  }),
  checkResult({
    id: 'd-acpt',
    durationMs: 1,
    accepted: [{ failure: failure({ check: 'd-acpt' }), reason: 'ticket 12', expires: '2099-01-01' }],
  }),
];
const failing = verifyResult(checks, {
  notes: ['learned shape'],
  target: {
    name: 'ref',
    baseUrl: 'http://127.0.0.1:1',
    embedded: true,
    faults: ['slow-poll', 'mistyped-field'],
  },
});
failing.summary.accepted = 1;

const ROWS = [
  'PASS  a-pass          5 ms  the execute answer matches its schema',
  'PASS  inferred-one    7 ms  credits add up [inferred]',
  'PASS  doc             7 ms  doc title',
  'SKIP  b-skip          0 ms  needs extra keys',
  'FAIL  c-fail       1234 ms  2 violation(s)',
  '        ✗ [SCHEMA_MISMATCH] credits must be integer',
];
const CLOSING = [
  'ACPT  d-acpt          1 ms  the execute answer matches its schema (1 accepted)',
  '        ≈ accepted [SCHEMA_MISMATCH] credits must be integer — ticket 12 (until 2099-01-01)',
  '',
  'Observed, not failures (typical or undeclared expectations):',
  '  ~ c-fail [TYPICAL_TIME, typical] slow',
  '  ~ c-fail [X, documented] no basis given',
  '',
  'FAILED: 4 passed, 1 failed, 1 skipped, 1 accepted finding(s), 2 observed deviation(s)',
  '',
];

describe('verify console table', () => {
  it('a failing run: header, rows, each failure with rule, request and reproducer, accepted, deviations, counts', () => {
    expect(printPretty(failing).split('\n')).toEqual([
      'harness verify — target ref (http://127.0.0.1:1) [embedded reference] faults: slow-poll, mistyped-field',
      'run run-7, seed 42 (reproduce with --seed 42; one check with --check <id> --seed 42)',
      'note: learned shape',
      '',
      '      check           time  detail',
      ...ROWS,
      '          rule: #/properties/credits/type; status 200; request GET /v1/x',
      "          reproduce: curl -X POST 'http://x.invalid/a'",
      '        ✗ [TIMEOUT] credits must be integer',
      '          rule: status; request POST /v1/y {"a":1}',
      ...CLOSING,
    ]);
  });

  it('--ci: the column header without the run header, and only the failure line of each failure', () => {
    expect(printPretty(failing, { ci: true }).split('\n')).toEqual([
      '      check           time  detail',
      ...ROWS,
      '        ✗ [TIMEOUT] credits must be integer',
      ...CLOSING,
    ]);
  });

  it('a deployment, not the embedded reference: no mark, faults or notes; a failure without a request shows its rule', () => {
    const ok = verifyResult(
      [
        checkResult({ id: 'a', durationMs: 3 }),
        checkResult({ id: 'b', outcome: 'skipped' }),
        checkResult({
          id: 'c',
          outcome: 'failed',
          failures: [failure({ check: 'c', request: { method: 'GET' } })],
        }),
      ],
      { target: { name: 'staging', baseUrl: 'http://127.0.0.1:2', embedded: false } },
    );
    expect(printPretty(ok).split('\n')).toEqual([
      'harness verify — target staging (http://127.0.0.1:2)',
      'run run-7, seed 42 (reproduce with --seed 42; one check with --check <id> --seed 42)',
      '',
      '      check    time  detail',
      'PASS  a        3 ms  the execute answer matches its schema',
      'SKIP  b       12 ms  ',
      'FAIL  c       12 ms  1 violation(s)',
      '        ✗ [SCHEMA_MISMATCH] credits must be integer',
      '          rule: #/properties/credits/type; status 200',
      '',
      'FAILED: 1 passed, 1 failed, 1 skipped',
      '',
    ]);
  });

  it('a check with an accepted finding and a failure left is FAIL, not ACPT', () => {
    const mixed = checkResult({
      id: 'mixed',
      outcome: 'failed',
      failures: [failure({ check: 'mixed', code: 'WRONG_STATUS' })],
      accepted: [{ failure: failure({ check: 'mixed' }), reason: 'ticket 12', expires: '2099-01-01' }],
    });
    expect(
      printPretty(verifyResult([mixed]), { ci: true })
        .split('\n')
        .slice(1, 4),
    ).toEqual([
      'FAIL  mixed   12 ms  1 violation(s) (1 accepted)',
      '        ✗ [WRONG_STATUS] credits must be integer',
      '        ≈ accepted [SCHEMA_MISMATCH] credits must be integer — ticket 12 (until 2099-01-01)',
    ]);
  });

  it('a run with no failure closes with OK and its counts', () => {
    const ok = verifyResult([checkResult({ id: 'a' }), checkResult({ id: 'b', outcome: 'skipped' })]);
    expect(printPretty(ok).split('\n').slice(-3)).toEqual(['', 'OK: 1 passed, 0 failed, 1 skipped', '']);
  });
});
