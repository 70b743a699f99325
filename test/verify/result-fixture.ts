import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import type { CheckResult, VerifyResult } from '../../src/verify/check-result.js';

/**
 * Small verify results for the printers' and acceptance tests: a failure, a check and a whole
 * result with the fields a test names replaced (the rest valid per verify-result.schema.json).
 */
export const failure = (over: Partial<ContractFailure> = {}): ContractFailure => ({
  code: 'SCHEMA_MISMATCH',
  check: 'execute-shape',
  endpoint: 'POST /v1/workflows/fast/execute',
  status: 200,
  instancePath: '/credits',
  schemaPath: '#/properties/credits/type',
  received: 'three',
  documented: 'integer',
  message: 'credits must be integer',
  ...over,
});

export const checkResult = (over: Partial<CheckResult> = {}): CheckResult => ({
  id: 'execute-shape',
  title: 'the execute answer matches its schema',
  outcome: 'passed',
  durationMs: 12,
  failures: [],
  ...over,
});

export const verifyResult = (
  checks: readonly CheckResult[],
  over: Partial<VerifyResult> = {},
): VerifyResult => ({
  formatVersion: '1.0.0',
  kind: 'verify',
  runId: 'run-7',
  target: { name: 'reference', baseUrl: 'http://127.0.0.1:8080', embedded: true },
  startedAt: '2026-11-30T10:00:00.000Z',
  finishedAt: '2026-11-30T10:00:01.000Z',
  seed: 42,
  checks: [...checks],
  summary: {
    passed: checks.filter((c) => c.outcome === 'passed').length,
    failed: checks.filter((c) => c.outcome === 'failed').length,
    skipped: checks.filter((c) => c.outcome === 'skipped').length,
  },
  ...over,
});
