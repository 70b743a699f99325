import { execFile } from 'node:child_process';
import { isDeepStrictEqual, promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlCommand, keyVariable, shellQuote } from '../../contracts/kit/curl-command.js';
import { ABSENT } from '../../contracts/kit/findings.js';
import type { CheckTarget } from '../../contracts/kit/target-context.js';
import { getPointer } from '../../contracts/kit/pointer.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import { contractSection } from '../../src/report/sections.js';
import { BARE_URL_EXTRA_KEY_ENV, startEmbedded, type ResolvedTarget } from '../../src/target/index.js';
import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import { CheckRunner, printPretty, runVerify, toJUnit, type VerifyResult } from '../../src/verify/index.js';

const run = promisify(execFile);

/** Runs a command line with bash, only PATH and the given variables in its environment. */
async function bash(command: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await run('bash', ['-c', command], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    timeout: 30_000,
  });
  return stdout;
}

interface Reproduced {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly json: unknown;
}

/** curl -i output: status line, headers, blank line, body. */
function parseCurl(output: string): Reproduced {
  const split = output.indexOf('\r\n\r\n');
  const head = output.slice(0, split).split('\r\n');
  const body = output.slice(split + 4);
  const header = (name: string): string | undefined =>
    head
      .find((l) => l.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: Number(head[0]?.split(' ')[1]), contentType: header('content-type'), json };
}

/** Does the reproduced response have the property the failure is about? */
function hasFailingProperty(f: ContractFailure, r: Reproduced): boolean {
  if (f.status !== null && r.status !== f.status) return false;
  if (f.schemaPath === 'header:content-type') return (r.contentType ?? ABSENT) === f.received;
  if (f.instancePath !== '') {
    const value = getPointer(r.json, f.instancePath);
    return f.received === ABSENT ? value === undefined : isDeepStrictEqual(value, f.received);
  }
  return f.schemaPath === 'status';
}

/** The new faults fail the same way on all three endpoints: one endpoint's failures (each method, each type) are replayed. */
const replayed = (fault: string, f: ContractFailure): boolean =>
  !['any-method-executes', 'content-type-ignored'].includes(fault) || f.endpoint === 'executeWorkflow';

const keyEnv = (t: ResolvedTarget): Record<string, string> => ({
  HARNESS_API_KEY: t.keys.main,
  [BARE_URL_EXTRA_KEY_ENV.noPermission]: t.keys.noPermission ?? '',
  [BARE_URL_EXTRA_KEY_ENV.noCredits]: t.keys.noCredits ?? '',
});

describe('shell quoting of reproducers', () => {
  it('bash reads back every quoted word verbatim', async () => {
    const words = [`it's`, `'`, `''`, '$HOME `id` $(id) \\n "x"', 'line\nbreak', '{"a":"b c"}', 'ünï ✓', ''];
    const out = await bash(`printf '%s\\0' ${words.map(shellQuote).join(' ')}`, {});
    expect(out.split('\0').slice(0, -1)).toEqual(words);
  });

  it('names the key by its variable, never by value; a literal (unknown) key stays literal', () => {
    const target = {
      profile: { apiKeyEnv: 'STAGING_KEY', extraKeys: { noPermission: 'STAGING_NOPERM' } },
      embedded: false,
    } as unknown as CheckTarget;
    expect(keyVariable(target, 'main')).toBe('STAGING_KEY');
    expect(keyVariable(target, 'noPermission')).toBe('STAGING_NOPERM');
    expect(keyVariable({ ...target, embedded: true }, 'main')).toBe('HARNESS_API_KEY');
    expect(keyVariable({ ...target, embedded: true }, 'noPermission')).toBe('HARNESS_API_KEY_NO_PERMISSION');
    expect(keyVariable(target, 'none')).toBeUndefined();
    const cmd = curlCommand(
      'POST',
      'http://127.0.0.1:1/api/x',
      { 'x-api-key': 'sk-secret', 'content-type': 'application/json' },
      `{"q":"it's"}`,
      'HARNESS_API_KEY',
    );
    expect(cmd).not.toContain('sk-secret');
    expect(cmd).toContain(`-H "x-api-key: $HARNESS_API_KEY"`);
    expect(cmd).toContain(`--data-raw '{"q":"it'\\''s"}'`);
    expect(curlCommand('POST', 'http://127.0.0.1/', {}, '{}', { literal: 'bogus' })).toContain(
      `-H 'x-api-key: bogus'`,
    );
    // No body, no --data-raw; a body sent without a Content-Type stays without one (curl -d would add a form type).
    expect(curlCommand('GET', 'http://127.0.0.1/', {}, undefined, undefined)).toBe(
      `curl -sS -i -X GET 'http://127.0.0.1/'`,
    );
    expect(curlCommand('POST', 'http://127.0.0.1/', {}, '{}', undefined)).toContain(
      `-H 'Content-Type:' --data-raw '{}'`,
    );
  });
});

/**
 * A failing check's curl command, run by bash with the keys exported, reproduces the
 * failure against the faulty reference, and shows nothing wrong against a clean one.
 */
describe('curl reproducers against the embedded reference', () => {
  // fault → checks that catch it with a status, header or body-pointer failure.
  const cases = {
    'mistyped-field': ['execute-success'],
    'wrong-content-type': ['execute-success'],
    'wrong-status': ['not-found-workflow'],
    'auth-ignored': ['auth-unknown-key', 'auth-missing-key'],
    // Method and Content-Type are part of the command: GET/PUT/… and text/plain reproduce as sent.
    'any-method-executes': ['other-methods'],
    'content-type-ignored': ['bad-request-content-type'],
  } as const;
  const only = [...new Set(Object.values(cases).flat())];
  let runner: CheckRunner;
  let clean: ResolvedTarget;
  const results: Record<string, { result: VerifyResult; target: ResolvedTarget }> = {};

  beforeAll(async () => {
    runner = await CheckRunner.create({ only });
    clean = await startEmbedded({ timeScale: 0.02, faults: [] });
    for (const fault of Object.keys(cases)) {
      const target = await startEmbedded({ timeScale: 0.02, faults: [fault] });
      const config = { timeScale: 0.02, faults: [fault], seed: 3, reportsDir: 'reports' };
      results[fault] = { result: await runVerify(config, target, { runner, write: false }), target };
    }
  }, 120_000);
  afterAll(async () => {
    await runner.close();
    await clean.stop();
    for (const { target } of Object.values(results)) await target.stop();
  });

  it('every failure carries a curl command without the key', () => {
    for (const { result, target } of Object.values(results)) {
      const failures = result.checks.flatMap((c) => c.failures);
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) {
        expect(f.curl, f.message).toMatch(/^curl -sS -i -X (POST|GET|PUT|PATCH|DELETE) '/);
        expect(f.curl).not.toContain(target.keys.main);
      }
    }
  });

  it('bash reproduces each failure on the faulty reference and not on a clean one', async () => {
    const checked: string[] = [];
    for (const [fault, { result, target }] of Object.entries(results)) {
      for (const f of result.checks.flatMap((c) => c.failures).filter((f) => replayed(fault, f))) {
        const curl = f.curl ?? '';
        const faulty = parseCurl(await bash(curl, keyEnv(target)));
        expect(hasFailingProperty(f, faulty), `${fault}: ${f.message}\n${curl}`).toBe(true);
        const onClean = curl.replace(target.profile.baseUrl, clean.profile.baseUrl);
        const ok = parseCurl(await bash(onClean, keyEnv(clean)));
        expect(hasFailingProperty(f, ok), `${fault} on the clean reference: ${f.message}`).toBe(false);
        checked.push(`${fault}:${f.check}:${f.code}`);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'mistyped-field:execute-success:SCHEMA_VIOLATION',
        'wrong-content-type:execute-success:WRONG_CONTENT_TYPE',
        'auth-ignored:auth-unknown-key:WRONG_STATUS',
        'any-method-executes:other-methods:WRONG_STATUS',
        'content-type-ignored:bad-request-content-type:WRONG_STATUS',
      ]),
    );
    const commands = Object.values(results).flatMap(({ result }) =>
      result.checks.flatMap((c) => c.failures.map((f) => f.curl ?? '')),
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^curl -sS -i -X GET '[^']*' -H 'accept: application\/json' -H "x-api-key: \$HARNESS_API_KEY"$/,
        ),
        expect.stringMatching(/-X PUT .*--data-raw '\{/),
        expect.stringMatching(/-X POST .*-H 'content-type: text\/plain; charset=utf-8'/),
      ]),
    );
  }, 120_000);

  it('the console, JUnit <system-out> and the HTML report carry the command', () => {
    const { result } = results['mistyped-field'] ?? {};
    if (result === undefined) throw new Error('no result for mistyped-field');
    const curl = result.checks.flatMap((c) => c.failures)[0]?.curl ?? '';
    expect(printPretty(result)).toContain(`reproduce: ${curl}`);
    const systemOut = /<system-out>([^<]*)<\/system-out>/.exec(toJUnit(result))?.[1] ?? '';
    const unescaped = systemOut
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<');
    expect(unescaped.replace(/&amp;/g, '&')).toContain(curl);
    expect(contractSection(result)).toContain(`Reproduce: <code>${escapeHtml(curl)}</code>`);
  });
});
