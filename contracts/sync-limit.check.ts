import {
  defineCheck,
  executeBody,
  getPointer,
  pollConversation,
  pollingBudget,
  unknownId,
  workflow,
  type ApiResponse,
  type CheckContext,
  type CheckTarget,
} from './kit/index.js';

/**
 * The time to the timeout answer must match the declared limit: not earlier than
 * limitMs − early, not later than limitMs + late + this machine's overhead (a cheap
 * request timed just before). Late answers are re-measured once and the faster kept,
 * so one load spike on the client does not fail the check.
 */
async function expectDeclaredLimit(
  ctx: CheckContext,
  first: ApiResponse,
  baselineMs: number,
  call: () => Promise<ApiResponse>,
): Promise<void> {
  const limit = limitOf(ctx);
  const tol = ctx.profile.syncLimit?.toleranceMs;
  const early = tol ?? limit * EARLY_FRACTION;
  const late = (tol ?? limit * LATE_FRACTION) + baselineMs;
  let res = first;
  if (res.durationMs > limit + late) {
    const again = await call();
    if (again.status === first.status && again.durationMs < res.durationMs) res = again;
  }
  const window = { fromMs: Math.round(limit - early), toMs: Math.round(limit + late) };
  ctx.findings.observe('limitWindow', {
    ...window,
    baselineMs: Math.round(baselineMs),
    tolerance: tol ?? `−${EARLY_FRACTION * 100} % / +${LATE_FRACTION * 100} % of limitMs + overhead`,
  });
  if (res.durationMs >= window.fromMs && res.durationMs <= window.toMs) return;
  ctx.findings.inferred(true, {
    code: 'SYNC_LIMIT_MISMATCH',
    endpoint: 'executeWorkflow',
    response: res,
    schemaPath: 'target profile: syncLimit.limitMs (± syncLimit.toleranceMs)',
    received: `timeout answer ${res.status} after ${Math.round(res.durationMs)} ms`,
    receivedIsDescription: true,
    documented: `${limit} ms: between ${window.fromMs} and ${window.toMs} ms`,
  });
}

/** Stated margins around the declared limit when the profile gives no syncLimit.toleranceMs. */
const EARLY_FRACTION = 0.1;
const LATE_FRACTION = 0.5;

const limitOf = (target: Pick<CheckTarget, 'profile'>): number => target.profile.syncLimit?.limitMs ?? 30_000;
/** Long enough for a deployment that never times out to finish the slow workflow. */
const requestTimeout = (target: Pick<CheckTarget, 'profile'>): number =>
  Math.max(limitOf(target) * 3, (target.profile.workflows.slow?.expectedDurationMs ?? 0) * 4) + 5_000;

defineCheck(
  {
    id: 'sync-limit',
    title:
      "A sync call past the sync limit: status, time to answer (limitMs −10 %/+50 % + overhead) and later completion match the profile's syncLimit",
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:slow', 'syncLimit', 'writes'],
    basis: 'inferred',
    bound: (target) => ({
      ms: 2 * requestTimeout(target) + pollingBudget(target).budgetMs + 10_000,
      from: "2 × this check's request bound (3 × syncLimit.limitMs or 4 × the slow workflow's expectedDurationMs, + 5 s) + polling.budgetMs + 10 s",
    }),
  },
  async (ctx) => {
    const declared = ctx.profile.syncLimit ?? {};
    const wf = workflow(ctx, 'slow');
    const call = () =>
      ctx.api.post('executeWorkflow', executeBody(ctx, 'slow'), { timeoutMs: requestTimeout(ctx) });
    const baselineMs = (
      await ctx.api.post('getConversationById', {
        workflowId: wf.workflowId,
        conversationId: unknownId(ctx, 'conversation'),
      })
    ).durationMs;
    const res = await call();
    const conversationId = getPointer(res.json, '/conversationId');
    ctx.findings.observe('status', res.status);
    ctx.findings.observe('timeToAnswerMs', Math.round(res.durationMs));
    ctx.findings.observe('limitMs', limitOf(ctx));
    if (declared.timeoutStatus !== undefined) ctx.expect.status(res, declared.timeoutStatus);
    if (res.status >= 400) ctx.expect.schema(res, 'error-body.schema.json');

    const timedOut =
      res.status === declared.timeoutStatus || (declared.timeoutStatus === undefined && res.status >= 500);
    if (!timedOut)
      return void ctx.findings.observe('completedAfterTimeout', 'not applicable: the call did not time out');
    await expectDeclaredLimit(ctx, res, baselineMs, call);
    if (typeof conversationId !== 'string') {
      ctx.findings.observe('completedAfterTimeout', 'unknown: the timeout answer carries no conversationId');
      if (declared.completesAfterTimeout !== undefined)
        ctx.skip(
          'the timeout answer carries no conversationId, so completion after the timeout cannot be observed',
        );
      return;
    }
    const outcome = await pollConversation(ctx, wf.workflowId, conversationId);
    if (outcome.state === 'error') return void ctx.expect.status(outcome.last, 200);
    const completed = outcome.state === 'completed';
    ctx.findings.observe('completedAfterTimeout', completed);
    ctx.findings.observe('completionPolling', {
      state: outcome.state,
      lastStatus: outcome.lastStatus ?? null,
      elapsedMs: Math.round(outcome.elapsedMs),
    });
    if (declared.completesAfterTimeout !== undefined && completed !== declared.completesAfterTimeout) {
      ctx.findings.fail({
        code: 'SYNC_LIMIT_MISMATCH',
        endpoint: 'getConversationById',
        response: outcome.last,
        instancePath: ctx.profile.conversation?.statusPointer ?? '/status',
        schemaPath: 'target profile: syncLimit.completesAfterTimeout',
        received: `state ${outcome.state} (last status ${JSON.stringify(outcome.lastStatus)})`,
        receivedIsDescription: true,
        documented: declared.completesAfterTimeout
          ? 'completes after the timeout answer'
          : 'does not complete after the timeout answer',
      });
    }
  },
);
