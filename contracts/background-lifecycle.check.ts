import {
  defineCheck,
  executeBody,
  expectCompletedConversation,
  getPointer,
  pollConversation,
  pollingBudget,
  workflow,
} from './kit/index.js';

defineCheck(
  {
    id: 'background-lifecycle',
    title:
      'Background execution: reaches a completed status within the polling budget, output and creditUsage conform (creditUsage 0 at submit is typical, observed)',
    endpoints: ['executeWorkflowBackground', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
    bound: (target) => ({
      ms: pollingBudget(target).budgetMs + 20_000,
      from: "the target profile's polling.budgetMs + 20 s for the submit and the last poll",
    }),
  },
  async (ctx) => {
    const role = ctx.profile.workflows.slow === undefined ? 'fast' : 'slow';
    const wf = workflow(ctx, role);
    const submit = await ctx.api.post('executeWorkflowBackground', executeBody(ctx, role));
    if (!ctx.expect.status(submit, 200)) return;
    ctx.expect.contentType(submit);
    if (!ctx.expect.schema(submit, 'background-response.schema.json')) return;
    const credit = getPointer(submit.json, '/creditUsage');
    if (credit !== 0) {
      ctx.findings.typical({
        code: 'UNEXPECTED_VALUE',
        endpoint: 'executeWorkflowBackground',
        response: submit,
        instancePath: '/creditUsage',
        schemaPath: 'docs: "Initial credit usage (typically 0 as execution is not complete)"',
        received: credit,
        documented: 0,
      });
    }
    const outcome = await pollConversation(
      ctx,
      wf.workflowId,
      String(getPointer(submit.json, '/conversationId')),
    );
    ctx.findings.observe('polling', {
      workflowRole: role,
      state: outcome.state,
      lastStatus: outcome.lastStatus ?? null,
      polls: outcome.polls,
      elapsedMs: Math.round(outcome.elapsedMs),
    });
    switch (outcome.state) {
      case 'error':
        ctx.expect.status(outcome.last, 200);
        return;
      case 'stuck':
        // No status at the default pointer of an undeclared conversation shape: the pointer is a guess.
        ctx.findings.inferred(ctx.profile.conversation !== undefined || outcome.lastStatus !== undefined, {
          code: 'NOT_TERMINAL',
          endpoint: 'getConversationById',
          response: outcome.last,
          instancePath: ctx.profile.conversation?.statusPointer ?? '/status',
          schemaPath: 'target profile: conversation.completedValues within polling.budgetMs',
          received: outcome.lastStatus,
          documented: `a terminal status within ${pollingBudget(ctx).budgetMs} ms`,
        });
        return;
      case 'failed':
        ctx.findings.fail({
          code: 'EXECUTION_FAILED',
          endpoint: 'getConversationById',
          response: outcome.last,
          instancePath: ctx.profile.conversation?.statusPointer ?? '/status',
          schemaPath: 'target profile: conversation.completedValues',
          received: outcome.lastStatus,
          documented: ctx.profile.conversation?.completedValues ?? ['completed'],
        });
        return;
      case 'completed':
        expectCompletedConversation(ctx, outcome.last, role);
    }
  },
);
