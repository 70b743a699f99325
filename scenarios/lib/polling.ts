// Polls getConversationById to a terminal status with async/await and k6/timers — never
// `sleep`, which would block the VU's event loop and every other promise on it.
import { setTimeout } from 'k6/timers';
import { callAsync, conversationRequest } from './api.js';
import { validateResponse } from './contract.js';
import { ENV, type WorkflowRole } from './env.js';
import { pollLatency } from './metrics.js';

export type Outcome = 'completed' | 'failed' | 'stuck';
export interface PollResult {
  readonly outcome: Outcome;
  readonly polls: number;
  /** Epoch ms when the response that showed the terminal status arrived. */
  readonly seenAt: number;
  readonly lastStatus: string | undefined;
  /** The conversation's credit usage (creditUsagePointer) in the response that showed the terminal status. */
  readonly credits?: number;
}

/** RFC 6901 pointer lookup: the conversation's shape is the deployment's own. */
export function pointer(value: unknown, path: string): unknown {
  if (path === '') return value;
  let node = value;
  for (const raw of path.slice(1).split('/')) {
    // split/join, not regex literals: on k6 each evaluation of a literal compiles a new RegExp.
    const key = raw.includes('~') ? raw.split('~1').join('/').split('~0').join('~') : raw;
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** What to expect of an execution's duration: a typical value and, once observed, its spread. */
export interface Expectation {
  readonly ms: number;
  /** Mean absolute deviation seen so far; undefined until this VU has seen two executions. */
  readonly spreadMs?: number;
}

/**
 * The poll schedule. Fixed 1 s polling detects completion ~500 ms late on average. When the
 * duration can be expected, the first poll waits until just before it — two spreads early once
 * the spread is known, else at 0.85 × the typical value — then intervals start small and back off
 * to the cap, so polls cluster where completion is likely: small lag, few polls. Without an
 * expectation it is plain backoff. Floor 5 ms so time-scaled runs never spin.
 */
export function pollDelays(expected: Expectation | undefined): number[] {
  const p = ENV.polling;
  const delays: number[] = [];
  let elapsed = 0;
  if (expected !== undefined && expected.ms > 0) {
    const lead =
      expected.spreadMs === undefined
        ? expected.ms * 0.85
        : Math.max(expected.ms * 0.5, expected.ms - 2 * expected.spreadMs);
    elapsed = Math.min(lead, p.budgetMs);
    delays.push(elapsed);
  }
  let interval = p.initialIntervalMs;
  while (elapsed < p.budgetMs) {
    const d = Math.max(5, Math.min(interval, p.budgetMs - elapsed));
    delays.push(d);
    elapsed += d;
    interval = Math.min(interval * p.backoff, p.maxIntervalMs);
  }
  return delays;
}

// What this VU has seen each workflow take (EWMA of duration and of its deviation): a profile's
// expectedDurationMs is a typical value, while the inputs a scenario sends may run longer or shorter.
const learned = new Map<WorkflowRole, Expectation>();

export function expectedDuration(
  role: WorkflowRole,
  fromProfile: number | undefined,
): Expectation | undefined {
  return learned.get(role) ?? (fromProfile === undefined ? undefined : { ms: fromProfile });
}

export function learnDuration(role: WorkflowRole, observedMs: number): void {
  const prev = learned.get(role);
  if (prev === undefined) return void learned.set(role, { ms: observedMs });
  const deviation = Math.abs(observedMs - prev.ms);
  learned.set(role, {
    ms: 0.7 * prev.ms + 0.3 * observedMs,
    spreadMs: prev.spreadMs === undefined ? deviation : 0.7 * prev.spreadMs + 0.3 * deviation,
  });
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function pollUntilDone(
  role: WorkflowRole,
  conversationId: string,
  expected: Expectation | undefined,
): Promise<PollResult> {
  const conv = ENV.target.conversation ?? {};
  const completed = conv.completedValues ?? ['completed'];
  const failed = conv.failedValues ?? ['failed'];
  let polls = 0;
  let lastStatus: string | undefined;
  for (const delay of pollDelays(expected)) {
    await sleepMs(delay);
    const res = await callAsync('getConversationById', role, conversationRequest(role, conversationId));
    polls++;
    const seenAt = Date.now();
    pollLatency.add(res.timings.duration, { endpoint: 'getConversationById', workflow: role });
    const body = validateResponse('getConversationById', role, res);
    const status = pointer(body, conv.statusPointer ?? '/status');
    lastStatus = typeof status === 'string' ? status : lastStatus;
    const creditValue = pointer(body, conv.creditUsagePointer ?? '/creditUsage');
    const credits =
      typeof creditValue === 'number' && Number.isFinite(creditValue) ? { credits: creditValue } : {};
    if (lastStatus !== undefined && completed.includes(lastStatus))
      return { outcome: 'completed', polls, seenAt, lastStatus, ...credits };
    if (lastStatus !== undefined && failed.includes(lastStatus))
      return { outcome: 'failed', polls, seenAt, lastStatus, ...credits };
  }
  return { outcome: 'stuck', polls, seenAt: Date.now(), lastStatus };
}
