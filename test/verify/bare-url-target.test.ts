import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { createRunDir } from '../../src/run/index.js';
import { resolveTarget } from '../../src/target/index.js';
import { printPretty, runVerify, toJUnit, type VerifyResult } from '../../src/verify/index.js';

const KEY = 'bare-secret-key-0123456789';

/**
 * A deployment that accepts everything: 200 with a plausible body that echoes the
 * request's key (so a leaked key would show up in the reports). Verify must fail it,
 * skip what a bare URL cannot know with the reason, and never write the key.
 */
describe('verify against a bare URL that ignores the contract', () => {
  let server: Server;
  let dir: string;
  let result: VerifyResult;
  let files: { json: string; junit: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            echoedKey: req.headers['x-api-key'],
            conversationId: 'c-1',
            creditUsage: 0,
            output: {},
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'verify-bare-'));
    const config = {
      target: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      timeScale: 0.02,
      faults: [],
      seed: 42,
      reportsDir: dir,
    };
    const target = await resolveTarget(config, { env: { HARNESS_API_KEY: KEY } });
    const runDir = createRunDir(dir);
    result = await runVerify(config, target, { runDir });
    files = {
      json: readFileSync(join(runDir.path, 'verify.json'), 'utf8'),
      junit: readFileSync(join(runDir.path, 'verify.junit.xml'), 'utf8'),
    };
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (id: string) => {
    const found = result.checks.find((c) => c.id === id);
    if (found === undefined) throw new Error(`no check ${id}`);
    return found;
  };

  it('fails the run, with the auth violations as data', () => {
    expect(result.summary.failed).toBeGreaterThan(0);
    const auth = check('auth-missing-key');
    expect(auth.outcome).toBe('failed');
    expect(auth.failures.map((f) => f.endpoint)).toEqual([
      'executeWorkflow',
      'executeWorkflowBackground',
      'getConversationById',
    ]);
    expect(auth.failures[0]).toMatchObject({
      code: 'WRONG_STATUS',
      status: 200,
      schemaPath: 'status',
      received: 200,
      documented: 401,
    });
    expect(auth.failures[0]?.message).toBe('executeWorkflow status: Received: 200 / Documented: 401');
    expect(auth.failures[0]?.request).toMatchObject({ method: 'POST', path: '/api/executeWorkflow' });
  });

  it('learns the guessed workflow from its first answer and runs the checks that need it', () => {
    expect(result.notes?.join('\n')).toMatch(/workflows\.fast \(12345 v1\): output shape learned/);
    for (const id of ['execute-success', 'background-lifecycle', 'bad-request-input-components'])
      expect(check(id).outcome).not.toBe('skipped');
    expect(result.checks.filter((c) => c.outcome !== 'skipped').length).toBeGreaterThanOrEqual(15);
  });

  it('skips only checks that need extra keys or a slow workflow, each with its reason', () => {
    expect(result.checks.filter((c) => c.outcome === 'skipped').map((c) => c.id)).toEqual([
      'forbidden-no-permission',
      'insufficient-credits',
      'sync-limit',
    ]);
    expect(check('forbidden-no-permission').reason).toContain('noPermission');
    expect(check('insufficient-credits').reason).toContain('noCredits');
    expect(
      result.checks.filter((c) => c.outcome === 'skipped').every((c) => (c.reason ?? '').length > 10),
    ).toBe(true);
  });

  it('negative inputs report a minimal counterexample and the seed', () => {
    const neg = check('negative-inputs');
    expect(neg.outcome).toBe('failed');
    expect(neg.failures[0]?.code).toBe('INVALID_INPUT_ACCEPTED');
    expect(JSON.stringify(neg.failures[0]?.documented)).toContain('seed 42');
    expect(neg.observations).toMatchObject({ fastCheck: { seed: 42 } });
    expect(neg.observations?.counterexample).toBeDefined();
  });

  it('writes verify.json matching its schema and JUnit with a failure per violation', () => {
    const parsed = JSON.parse(files.json) as unknown;
    expect(new ContractValidator().validate('verify-result.schema.json', parsed).errors).toEqual([]);
    expect(files.junit).toContain('<testcase classname="contracts" name="auth-missing-key"');
    expect(files.junit).toContain(
      '<failure type="WRONG_STATUS" message="executeWorkflow status: Received: 200 / Documented: 401">',
    );
    expect(files.junit).toMatch(/<skipped message="needs key:noPermission/);
    expect(toJUnit(result).match(/<failure /g)?.length).toBe(
      result.checks.reduce((n, c) => n + c.failures.length, 0),
    );
  });

  it('never writes or prints the key, although the target echoes it back', () => {
    expect(files.json).toContain('[REDACTED]');
    for (const text of [JSON.stringify(result), files.json, files.junit, printPretty(result)])
      expect(text).not.toContain(KEY);
  });

  it('prints a table row per check and each failure as Received / Documented', () => {
    const text = printPretty(result);
    expect(text).toMatch(/^FAIL {2}auth-missing-key/m);
    expect(text).toMatch(/^SKIP {2}forbidden-no-permission .*noPermission/m);
    expect(text).toContain('✗ [WRONG_STATUS] executeWorkflow status: Received: 200 / Documented: 401');
    expect(text).toContain('seed 42');
    expect(text).toMatch(/FAILED: \d+ passed, \d+ failed, \d+ skipped/);
  });
});
