import { defineCheck, executeBody, getPointer } from './kit/index.js';

defineCheck(
  {
    id: 'background-submit',
    title: 'executeWorkflowBackground: 200, JSON, {conversationId, creditUsage: 0}, answered at once',
    endpoints: ['executeWorkflowBackground'],
    needs: ['workflow:fast', 'writes'],
  },
  async (ctx) => {
    // The slow workflow makes "returns immediately" meaningful: its run outlasts the answer.
    const role = ctx.profile.workflows.slow === undefined ? 'fast' : 'slow';
    const res = await ctx.api.post('executeWorkflowBackground', executeBody(ctx, role));
    ctx.findings.observe('workflowRole', role);
    ctx.findings.observe('durationMs', Math.round(res.durationMs));
    if (!ctx.expect.status(res, 200)) return;
    ctx.expect.contentType(res);
    if (!ctx.expect.schema(res, 'background-response.schema.json')) return;
    const credit = getPointer(res.json, '/creditUsage');
    if (credit !== 0) {
      ctx.findings.fail({
        code: 'UNEXPECTED_VALUE',
        endpoint: 'executeWorkflowBackground',
        response: res,
        instancePath: '/creditUsage',
        schemaPath: 'docs: "Initial credit usage (typically 0 as execution is not complete)"',
        received: credit,
        documented: 0,
      });
    }
    const limitMs = ctx.profile.syncLimit?.limitMs ?? 30_000;
    if (role === 'slow' && res.durationMs >= limitMs) {
      ctx.findings.fail({
        code: 'NOT_IMMEDIATE',
        endpoint: 'executeWorkflowBackground',
        response: res,
        schemaPath: 'docs: "returns immediately with a conversation ID"',
        received: `${Math.round(res.durationMs)} ms`,
        receivedIsDescription: true,
        documented: `well under the sync limit (${limitMs} ms)`,
      });
    }
  },
);
