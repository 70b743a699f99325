/**
 * The wording used wherever a configurable bound is hit, so every message names the
 * setting and how to raise it the same way (issue 6: "printed when hit").
 */
export const BOUNDS = {
  requestTimeoutMs: { flag: '--request-timeout', env: 'HARNESS_REQUEST_TIMEOUT_MS' },
  connectTimeoutMs: { flag: '--connect-timeout', env: 'HARNESS_CONNECT_TIMEOUT_MS' },
  loadTimeoutMs: { flag: '--load-timeout', env: 'HARNESS_LOAD_TIMEOUT_MS' },
  drainTimeoutMs: { flag: '--drain-timeout', env: undefined },
} as const;

export type BoundName = keyof typeof BOUNDS;

/** "(requestTimeoutMs; raise with --request-timeout or HARNESS_REQUEST_TIMEOUT_MS)" */
export function boundHint(name: BoundName): string {
  const { flag, env } = BOUNDS[name];
  return `(${name}; raise with ${flag}${env === undefined ? '' : ` or ${env}`})`;
}

/** "no answer within 10000 ms (requestTimeoutMs; raise with …)" */
export function boundHit(name: BoundName, ms: number, what = 'no answer'): string {
  return `${what} within ${ms} ms ${boundHint(name)}`;
}
