import {
  defineCheck,
  executeBody,
  getPointer,
  pollConversation,
  pollingBudget,
  workflow,
  type CheckTarget,
} from './kit/index.js';

const limitOf = (target: Pick<CheckTarget, 'profile'>): number => target.profile.syncLimit?.limitMs ?? 30_000;
/** Long enough for a deployment that never times out to finish the slow workflow. */
const requestTimeout = (target: Pick<CheckTarget, 'profile'>): number =>
  Math.max(limitOf(target) * 3, (target.profile.workflows.slow?.expectedDurationMs ?? 0) * 4) + 5_000;

defineCheck(
  {
    id: 'sync-limit',
    title:
      "A sync call past the sync limit: status, time to answer and later completion match the profile's syncLimit",
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:slow', 'syncLimit', 'writes'],
    timeoutMs: (target) => requestTimeout(target) + pollingBudget(target).budgetMs + 10_000,
  },
  async (ctx) => {
    const declared = ctx.profile.syncLimit ?? {};
    const wf = workflow(ctx, 'slow');
    const res = await ctx.api.post('executeWorkflow', executeBody(ctx, 'slow'), {
      timeoutMs: requestTimeout(ctx),
    });
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
