// What a VU does between requests so a paid or rate-limited target is not hammered:
// - a 429/503 answer with Retry-After makes THIS VU wait that long before its next request
//   (k6 shares nothing between VUs; each VU is one polite client), counted in
//   retry_after_waits and retry_after_wait_ms;
// - the target profile's maxRequestsPerSecond caps an endpoint: each VU spaces its calls to
//   it by (active VUs / cap) seconds, so all VUs together stay under the cap.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { setTimeout } from 'k6/timers';
import type { Endpoint, Res } from './api.js';
import { ENV } from './env.js';
import { rateCapWaitMs, retryAfterWaitMs, retryAfterWaits } from './metrics.js';

/** A Retry-After beyond this is cut to it: the VU still backs off, the run still ends. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** Retry-After (delta seconds or HTTP-date) in ms, for 429 and 503 answers only. */
export function retryAfterMs(
  status: number,
  header: string | undefined,
  now = Date.now(),
): number | undefined {
  if ((status !== 429 && status !== 503) || header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

function header(res: Res, name: string): string | undefined {
  const headers = res.headers as Record<string, string | undefined>;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

// Per VU (module state is per VU): when the next request may go, overall and per endpoint.
let pausedUntil = 0;
const lastSent = new Map<Endpoint, number>();

const CAPS = ENV.target.maxRequestsPerSecond;

/**
 * Whether a call to `endpoint` may have to wait: a Retry-After pending or a cap on it. The hot
 * path (neither) costs one comparison, and no await of a pacing call on the local engine.
 */
export function mustPace(endpoint: Endpoint): boolean {
  return pausedUntil !== 0 || CAPS?.[endpoint] !== undefined;
}

function capIntervalMs(endpoint: Endpoint): number {
  const cap = CAPS?.[endpoint];
  if (cap === undefined || !(cap > 0)) return 0;
  let active: number;
  try {
    active = Math.max(1, exec.instance.vusActive);
  } catch {
    active = 1; // init context: no instance information yet
  }
  return (active * 1000) / cap;
}

/** How long this VU must wait before it sends to `endpoint`; records the reason's metric. */
function waitBefore(endpoint: Endpoint): number {
  const now = Date.now();
  const retry = Math.max(0, pausedUntil - now);
  if (retry === 0) pausedUntil = 0; // the pause is over: back to the hot path
  const interval = capIntervalMs(endpoint);
  const last = lastSent.get(endpoint);
  const cap = interval === 0 || last === undefined ? 0 : Math.max(0, last + interval - now);
  if (cap > retry) rateCapWaitMs.add(cap - retry, { endpoint });
  return Math.max(retry, cap);
}

function sent(endpoint: Endpoint): void {
  lastSent.set(endpoint, Date.now());
}

/** After an answer: a Retry-After pauses this VU; the pause is counted now, waited before the next call. */
export function noteAnswer(endpoint: Endpoint, res: Res): void {
  if (res.status !== 429 && res.status !== 503) return;
  const ms = retryAfterMs(res.status, header(res, 'retry-after'));
  if (ms === undefined) return;
  const tags = { endpoint, status: String(res.status) };
  retryAfterWaits.add(1, tags);
  retryAfterWaitMs.add(ms, tags);
  pausedUntil = Math.max(pausedUntil, Date.now() + ms);
}

/** Before a blocking call (k6's sleep: the VU does nothing else meanwhile). */
export function paceBlocking(endpoint: Endpoint): void {
  const ms = waitBefore(endpoint);
  if (ms > 0) sleep(ms / 1000);
  sent(endpoint);
}

/** Before an async call: a timer, so the VU's other promises go on. */
export async function pace(endpoint: Endpoint): Promise<void> {
  const ms = waitBefore(endpoint);
  if (ms > 0) await new Promise<void>((resolve) => setTimeout(resolve, ms));
  sent(endpoint);
}
