import type { CheckContext } from './define-check.js';
import type { ApiResponse } from './http-client.js';
import { unknownId, workflow } from './requests.js';

/** Alternating samples per side: the fastest of each filters out a load spike, a real delay shows in all. */
export const IMMEDIATE_SAMPLES = 3;
/** Default "returns immediately" bound as a fraction of the sync limit (documented in target-profile.schema.json). */
export const IMMEDIATE_FRACTION = 0.1;

/** The profile's background.immediateMs, else 10 % of the (scaled) sync limit, with where it came from. */
export function immediateBound(ctx: Pick<CheckContext, 'profile'>): { ms: number; from: string } {
  const own = ctx.profile.background?.immediateMs;
  if (own !== undefined) return { ms: own, from: 'background.immediateMs' };
  const limit = ctx.profile.syncLimit?.limitMs ?? 30_000;
  return {
    ms: limit * IMMEDIATE_FRACTION,
    from: `${IMMEDIATE_FRACTION * 100} % of syncLimit.limitMs (${limit} ms)`,
  };
}

export interface SubmitTiming {
  readonly submits: readonly ApiResponse[];
  readonly fastestSubmitMs: number;
  /** The fastest cheap request (404 for an unknown conversation): this client's and network's own overhead now. */
  readonly fastestBaselineMs: number;
  /** What the submit itself took: fastest submit − fastest baseline, both real wall-clock times on one client. */
  readonly ownMs: number;
}

/**
 * Times `IMMEDIATE_SAMPLES` submits alternating with as many cheap requests, so the
 * comparison is like with like: a submit's own time (beyond what any request costs on
 * this machine right now) against a bound, never a loaded machine's wall time against a
 * time-scaled limit.
 */
export async function timeSubmits(
  ctx: CheckContext,
  body: () => Record<string, unknown>,
): Promise<SubmitTiming> {
  const submits: ApiResponse[] = [];
  const baselines: number[] = [];
  const probe = {
    workflowId: workflow(ctx, 'fast').workflowId,
    conversationId: unknownId(ctx, 'conversation'),
  };
  for (let i = 0; i < IMMEDIATE_SAMPLES; i++) {
    baselines.push((await ctx.api.post('getConversationById', probe)).durationMs);
    const res = await ctx.api.post('executeWorkflowBackground', body());
    submits.push(res);
    if (res.status !== 200) break;
  }
  const fastestSubmitMs = Math.min(...submits.map((s) => s.durationMs));
  const fastestBaselineMs = Math.min(...baselines);
  return {
    submits,
    fastestSubmitMs,
    fastestBaselineMs,
    ownMs: Math.max(0, fastestSubmitMs - fastestBaselineMs),
  };
}
