import type { CheckContext } from './define-check.js';
import type { ApiResponse } from './http-client.js';
import { getPointer } from './pointer.js';

export interface PollOutcome {
  /** completed/failed: a terminal value of the profile; stuck: budget spent; error: a non-2xx answer. */
  readonly state: 'completed' | 'failed' | 'stuck' | 'error';
  /** The status value last seen at the profile's statusPointer. */
  readonly lastStatus: unknown;
  readonly last: ApiResponse;
  readonly elapsedMs: number;
  readonly polls: number;
}

/** The profile's conversation pointers with the schema defaults filled in. */
export function conversationReading(ctx: CheckContext) {
  const c = ctx.profile.conversation ?? {};
  return {
    statusPointer: c.statusPointer ?? '/status',
    completedValues: c.completedValues ?? ['completed'],
    failedValues: c.failedValues ?? ['failed'],
    outputPointer: c.outputPointer ?? '/output',
    creditUsagePointer: c.creditUsagePointer ?? '/creditUsage',
    historyPointer: c.historyPointer,
    useReferenceSchema: c.useReferenceSchema ?? false,
  };
}

export function pollingBudget(ctx: Pick<CheckContext, 'profile'>): {
  initialIntervalMs: number;
  backoff: number;
  maxIntervalMs: number;
  budgetMs: number;
} {
  const p = ctx.profile.polling ?? {};
  return {
    initialIntervalMs: p.initialIntervalMs ?? 100,
    backoff: p.backoff ?? 1.5,
    maxIntervalMs: p.maxIntervalMs ?? 2000,
    budgetMs: p.budgetMs ?? 120_000,
  };
}

/**
 * Polls getConversationById with backoff until the status is terminal or the budget is
 * spent; never longer than the budget (plus one request), so a stuck conversation is
 * reported with the last status seen instead of hanging the run.
 */
export async function pollConversation(
  ctx: CheckContext,
  workflowId: string,
  conversationId: string,
): Promise<PollOutcome> {
  const read = conversationReading(ctx);
  const budget = pollingBudget(ctx);
  const started = performance.now();
  let interval = budget.initialIntervalMs;
  let polls = 0;
  for (;;) {
    const last = await ctx.api.post('getConversationById', { workflowId, conversationId });
    polls++;
    const elapsedMs = performance.now() - started;
    if (last.status < 200 || last.status >= 300)
      return { state: 'error', lastStatus: undefined, last, elapsedMs, polls };
    const lastStatus = getPointer(last.json, read.statusPointer);
    if (typeof lastStatus === 'string' && read.completedValues.includes(lastStatus))
      return { state: 'completed', lastStatus, last, elapsedMs, polls };
    if (typeof lastStatus === 'string' && read.failedValues.includes(lastStatus))
      return { state: 'failed', lastStatus, last, elapsedMs, polls };
    if (elapsedMs + interval > budget.budgetMs) return { state: 'stuck', lastStatus, last, elapsedMs, polls };
    await new Promise((resolve) => setTimeout(resolve, interval));
    interval = Math.min(interval * budget.backoff, budget.maxIntervalMs);
  }
}
