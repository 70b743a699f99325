import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileProfile } from './support/hostile-profile.js';
import { isHarnessError } from '../../src/errors/index.js';
import { startHostile, type HostileMode, type HostileServer } from '../../src/hostile/index.js';
import { CheckRunner, runVerify, type VerifyResult } from '../../src/verify/index.js';

/**
 * Issue 6: `harness verify` pointed at each misbehaviour finishes in bounded time, reports
 * what it saw as named failures (data with a stable code and "Received / Documented"), never
 * a stack trace or the key, and still writes verify.json and verify.junit.xml.
 * The targets are profiles whose workflows are real (the docs' example), so the success-path
 * checks run too, not only the auth and error checks.
 */
const KEY_ENV = 'HOSTILE_TARGET_KEY';
const KEY = 'hostile-canary-key-3b9d2f';
let hostile: HostileServer;
let runner: CheckRunner;
let dir: string;
const saved = process.env[KEY_ENV];

beforeAll(async () => {
  hostile = await startHostile();
  runner = await CheckRunner.create();
  dir = mkdtempSync(join(tmpdir(), 'harness-verify-hostile-'));
  process.env[KEY_ENV] = KEY;
});
afterAll(async () => {
  await runner.close();
  await hostile.close();
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env[KEY_ENV];
  else process.env[KEY_ENV] = saved;
});

const profileFor = (name: string, baseUrl: string): string => hostileProfile(dir, KEY_ENV, name, baseUrl);

async function verifyAgainst(
  mode: HostileMode,
): Promise<{ result: VerifyResult; files: Record<string, string>; ms: number }> {
  const reportsDir = join(dir, `reports-${mode}`);
  const started = Date.now();
  const result = await runVerify(
    { target: profileFor(mode, hostile.baseUrl(mode)), timeScale: 0.02, faults: [], seed: 6, reportsDir },
    undefined,
    { runner },
  );
  const runPath = join(reportsDir, result.runId);
  const files = {
    json: readFileSync(join(runPath, 'verify.json'), 'utf8'),
    junit: readFileSync(join(runPath, 'verify.junit.xml'), 'utf8'),
  };
  return { result, files, ms: Date.now() - started };
}

/** The checks that send a request without an API key on purpose. */
const NO_KEY_CHECKS = new Set(['auth-missing-key']);
const failuresOf = (result: VerifyResult) => result.checks.flatMap((c) => c.failures);

describe('harness verify against hostile targets', () => {
  it('a refused port: HARNESS_ERR_TARGET_UNREACHABLE before any check, within seconds', async () => {
    const started = Date.now();
    const error = await runVerify(
      {
        target: profileFor('refused', hostile.refusedUrl),
        timeScale: 0.02,
        faults: [],
        seed: 6,
        reportsDir: join(dir, 'refused'),
      },
      undefined,
      { runner },
    ).catch((e: unknown) => e);
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_TARGET_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    // mode, a failure code that must be among those reported, and what it must say it received
    ['reset', 'TRANSPORT', /ECONNRESET|terminated|socket/i],
    ['huge-body', 'TRANSPORT', /larger than \d+ bytes/],
    ['truncated-json', 'NOT_JSON', /Analysis Results.{1,8}par/],
    ['not-json', 'NOT_JSON', /Bad Gateway/],
    ['rate-limited', 'RATE_LIMITED', /^429$/],
    ['rate-limited-retry-after', 'RATE_LIMITED', /429 \(Retry-After: \d+\)/],
    ['unavailable', 'UNAVAILABLE', /^503$/],
    ['unavailable-retry-after', 'UNAVAILABLE', /503 \(Retry-After: \d+\)/],
    ['redirect-loop', 'WRONG_STATUS', /307/],
  ] as const)(
    '%s: finishes, fails with named failures (%s), writes its files, leaks nothing',
    async (mode, code, received) => {
      const { result, files, ms } = await verifyAgainst(mode);
      const failures = failuresOf(result);
      const codes = [...new Set(failures.map((f) => f.code))].sort();
      console.log(
        `[robustness] verify vs ${mode}: ${ms} ms, ${result.checks.length} checks, failure codes ${codes.join(', ')}`,
      );
      expect(failures.length).toBeGreaterThan(0);
      expect(codes).toContain(code);
      expect(
        failures.filter((f) => f.code === code).some((f) => received.test(JSON.stringify(f.received))),
      ).toBe(true);
      for (const check of result.checks)
        for (const failure of check.failures) {
          expect(failure.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
          expect(failure.message).toMatch(/Received: .* \/ Documented: /s);
          // A stack trace would show frames; a failure is data, not a crash dump.
          expect(failure.message).not.toMatch(/\n\s+at /);
          const headers = failure.request?.headers;
          // Absent only where the check sends no key on purpose; otherwise always present, redacted.
          if (headers !== undefined)
            expect(headers['x-api-key'], `${check.id}: ${failure.code}`).toBe(
              NO_KEY_CHECKS.has(check.id) ? undefined : '[REDACTED]',
            );
        }
      for (const text of Object.values(files)) expect(text).not.toContain(KEY);
      expect(files.junit).toMatch(/<testsuites?[\s>]/);
    },
  );

  it('reset: negative-inputs reports the transport failure, not a check error', async () => {
    const { result } = await verifyAgainst('reset');
    const negative = result.checks.find((c) => c.id === 'negative-inputs');
    expect(negative?.failures.map((f) => f.code)).toEqual(['TRANSPORT']);
    expect(JSON.stringify(negative?.failures[0]?.received)).toMatch(/ECONNRESET|terminated|socket/i);
  });

  it('the success-path checks judged the unparseable bodies (not skipped)', async () => {
    const { result } = await verifyAgainst('not-json');
    const ran = result.checks.filter((c) => c.outcome !== 'skipped').map((c) => c.id);
    expect(ran).toContain('execute-success');
  });
});
