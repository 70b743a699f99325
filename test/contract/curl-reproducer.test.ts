import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, keyVariable, shellQuote } from '../../contracts/kit/curl-command.js';
import { BARE_URL_EXTRA_KEY_ENV, BARE_URL_KEY_ENV } from '../../src/target/index.js';
import { profileWith, targetWith } from '../support/fake-check.js';

/**
 * Each failure carries the request as a curl command a reader pastes into a shell: it must send
 * what the check sent (method, headers, body byte for byte), and never the key itself.
 */
describe('shellQuote', () => {
  it('a POSIX shell reads the quoted word back unchanged, quotes and $ included', () => {
    for (const text of ["it's", "''", 'a b', '$HOME `x` "y" \\n', '']) {
      const out = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8' });
      expect(out).toBe(text);
    }
  });
});

describe('keyVariable', () => {
  const profile = profileWith({
    apiKeyEnv: 'STAGING_KEY',
    extraKeys: { noPermission: 'STAGING_NO_PERMISSION' },
  });

  it("names the profile's variables for a profile target", () => {
    const target = targetWith({ profile });
    expect(keyVariable(target, 'main')).toBe('STAGING_KEY');
    expect(keyVariable(target, 'noPermission')).toBe('STAGING_NO_PERMISSION');
    // A role the profile does not name falls back to the name `harness serve` prints.
    expect(keyVariable(target, 'noCredits')).toBe(BARE_URL_EXTRA_KEY_ENV.noCredits);
  });

  it('names the variables `harness serve` prints for the embedded reference', () => {
    const target = targetWith({ profile, embedded: true });
    expect(keyVariable(target, 'main')).toBe(BARE_URL_KEY_ENV);
    expect(keyVariable(target, 'noPermission')).toBe(BARE_URL_EXTRA_KEY_ENV.noPermission);
  });

  it('no key for "none"; a literal (unknown) key as itself', () => {
    expect(keyVariable(targetWith(), 'none')).toBeUndefined();
    expect(keyVariable(targetWith(), { literal: 'not-a-key' })).toEqual({ literal: 'not-a-key' });
  });
});

describe('curlCommand', () => {
  const url = 'http://127.0.0.1:8080/api/executeWorkflow';

  it('a POST with a JSON body: method, url, headers and body quoted, the key as "$VAR"', () => {
    const headers = {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-api-key': 'secret-1',
    };
    expect(curlCommand('POST', url, headers, '{"a":"it\'s"}', 'MY_KEY')).toBe(
      `curl -sS -i -X POST '${url}' -H 'accept: application/json' -H 'content-type: application/json' ` +
        `-H "x-api-key: $MY_KEY" --data-raw '{"a":"it'\\''s"}'`,
    );
  });

  it('never prints the key, even when the headers carry it under another case', () => {
    const cmd = curlCommand('POST', url, { 'X-Api-Key': 'secret-2' }, undefined, 'MY_KEY');
    expect(cmd).not.toContain('secret-2');
    expect(cmd).toBe(`curl -sS -i -X POST '${url}' -H "x-api-key: $MY_KEY"`);
  });

  it('a literal key goes in quoted as is; no key, no header', () => {
    expect(curlCommand('GET', url, {}, undefined, { literal: "bad'key" })).toBe(
      `curl -sS -i -X GET '${url}' -H 'x-api-key: bad'\\''key'`,
    );
    expect(curlCommand('GET', url, {}, undefined, undefined)).toBe(`curl -sS -i -X GET '${url}'`);
  });

  it("a body sent without a Content-Type removes curl's own; one sent with any-case Content-Type keeps it", () => {
    expect(curlCommand('POST', url, {}, '{}', undefined)).toBe(
      `curl -sS -i -X POST '${url}' -H 'Content-Type:' --data-raw '{}'`,
    );
    expect(curlCommand('POST', url, { accept: 'application/json' }, '{}', undefined)).toBe(
      `curl -sS -i -X POST '${url}' -H 'accept: application/json' -H 'Content-Type:' --data-raw '{}'`,
    );
    expect(curlCommand('POST', url, { 'Content-Type': 'text/plain' }, 'x', undefined)).toBe(
      `curl -sS -i -X POST '${url}' -H 'Content-Type: text/plain' --data-raw 'x'`,
    );
  });
});
