import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeRecorder } from '../../contracts/kit/exchange-recorder.js';
import { clearSecrets, scrub } from '../../src/secrets/index.js';
import { targetWith } from '../support/fake-check.js';

/**
 * `--har`: each check request is spooled with the check's id, its timings and what came back;
 * the target's keys are secrets from the first request on; without `--har` nothing is written.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  clearSecrets();
});

function spoolDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-har-'));
  dirs.push(dir);
  return dir;
}

function entries(dir: string): Record<string, unknown>[] {
  return readdirSync(dir).flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { entry: Record<string, unknown> }).entry),
  );
}

const request = {
  method: 'POST',
  url: 'http://127.0.0.1:1/api/executeWorkflow',
  requestHeaders: { 'content-type': 'application/json' },
  requestBody: '{}',
};

describe('exchange recorder', () => {
  it('spools one entry per exchange with the check id, the wait and the answer', () => {
    const dir = spoolDir();
    const record = exchangeRecorder(targetWith({ harSpoolDir: dir }), 'auth-missing-key');
    // The wait is capped at the measured duration: 0 is the one value sure to show as given.
    record(request)(
      { status: 401, statusText: 'Unauthorized', responseHeaders: {}, responseBody: '{"error":"x"}' },
      0,
    );
    const [entry] = entries(dir);
    expect(entry).toMatchObject({
      comment: 'check auth-missing-key',
      request: { method: 'POST', url: request.url },
      response: { status: 401 },
    });
    expect(entry).toHaveProperty('timings.wait', 0);
    expect(entry).toHaveProperty('request.postData.text', '{}');
  });

  it("an entry's time is the time from the request to its end", () => {
    const dir = spoolDir();
    const before = performance.now();
    exchangeRecorder(targetWith({ harSpoolDir: dir }), 'c')(request)({ status: 200 }, undefined);
    const took = performance.now() - before;
    const [entry] = entries(dir);
    expect(entry?.time as number).toBeLessThanOrEqual(took);
  });

  it('no check id, no comment; no wait measured, none claimed', () => {
    const dir = spoolDir();
    exchangeRecorder(targetWith({ harSpoolDir: dir }), undefined)(request)(
      { error: 'ECONNREFUSED' },
      undefined,
    );
    const [entry] = entries(dir);
    expect(entry).not.toHaveProperty('comment');
    expect(JSON.stringify(entry)).toContain('ECONNREFUSED');
  });

  it('registers every key of the target as a secret before the first request', () => {
    exchangeRecorder(
      targetWith({
        harSpoolDir: spoolDir(),
        keys: { main: 'main-secret-1', noPermission: 'perm-secret-2', noCredits: 'credit-secret-3' },
      }),
      'c',
    );
    expect(scrub('main-secret-1 perm-secret-2 credit-secret-3')).toBe('[REDACTED] [REDACTED] [REDACTED]');
  });

  it('without --har nothing is written and no key is registered', () => {
    const record = exchangeRecorder(targetWith({ keys: { main: 'main-secret-9' } }), 'c');
    expect(() => record(request)({ status: 200 }, 1)).not.toThrow();
    expect(scrub('main-secret-9')).toBe('main-secret-9');
  });
});
