import { describe, expect, it } from 'vitest';
import { Expectations, Findings, receivedStatus, type ExpectedStatus } from '../../contracts/kit/index.js';
import type { ApiResponse } from '../../contracts/kit/http-client.js';

/**
 * The status expectation every check starts with: which statuses pass "2xx", a single status or a
 * list, and what a failure records — the failure code a reader acts on, the status received (with
 * Retry-After when the deployment sent one) and the documented status as written.
 */
function answer(status: number, retryAfter?: string): ApiResponse {
  return {
    endpoint: 'executeWorkflow',
    status,
    contentType: 'application/json',
    ...(retryAfter === undefined ? {} : { retryAfter }),
    text: '{}',
    json: {},
    durationMs: 1,
    request: { method: 'POST', path: '/x' },
    curl: 'curl',
  } as unknown as ApiResponse;
}

function judge(
  status: number,
  expected: ExpectedStatus,
  retryAfter?: string,
): { ok: boolean; findings: Findings } {
  const findings = new Findings('status-test');
  const ok = new Expectations(findings).status(answer(status, retryAfter), expected);
  return { ok, findings };
}

describe('status expectation', () => {
  it('"2xx" passes 200–299 and nothing else', () => {
    expect([199, 200, 204, 299, 300, 404, 500].map((s) => judge(s, '2xx').ok)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('a number passes only itself; a list passes any of its statuses', () => {
    expect([judge(201, 201).ok, judge(200, 201).ok]).toEqual([true, false]);
    expect([judge(202, [200, 202]).ok, judge(201, [200, 202]).ok]).toEqual([true, false]);
  });

  it('a failure records its code, the received status and the documented one as written', () => {
    const { findings } = judge(500, [200, 202]);
    expect(findings.failures).toHaveLength(1);
    expect(findings.failures[0]).toMatchObject({
      code: 'SERVER_ERROR',
      schemaPath: 'status',
      received: 500,
      documented: '200 or 202',
    });
    expect(judge(404, '2xx').findings.failures[0]).toMatchObject({ code: 'WRONG_STATUS', documented: '2xx' });
    expect(judge(200, 200).findings.failures).toEqual([]);
  });

  it('a throttled answer names Retry-After in what was received', () => {
    expect(receivedStatus({ status: 429, retryAfter: '7' })).toEqual({
      received: '429 (Retry-After: 7)',
      receivedIsDescription: true,
    });
    expect(receivedStatus({ status: 429 })).toEqual({ received: 429 });
    expect(judge(429, 200, '7').findings.failures[0]).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
