import type { ApiResponse } from './http-client.js';

/**
 * The failure code for an unexpected status. 429 and 503 get their own names because they
 * say "the deployment is throttling / unavailable", not "the contract is wrong" — a user
 * reading the report should retry later or lower the rate, not file a contract bug.
 */
export function statusFailureCode(status: number, otherwise = 'WRONG_STATUS'): string {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  return status >= 500 ? 'SERVER_ERROR' : otherwise;
}

/** The status as `received`; with the Retry-After header, when sent, as a description ("429 (Retry-After: 7)"). */
export function receivedStatus(res: Pick<ApiResponse, 'status' | 'retryAfter'>): {
  received: unknown;
  receivedIsDescription?: true;
} {
  return res.retryAfter === undefined
    ? { received: res.status }
    : { received: `${res.status} (Retry-After: ${res.retryAfter})`, receivedIsDescription: true };
}
