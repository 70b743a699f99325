import { defineCheck, executeBody, executeResponseSchema, workflow } from './kit/index.js';

defineCheck(
  {
    id: 'execute-success',
    title:
      "executeWorkflow: 200, JSON, {conversationId, output, creditUsage} with the workflow's output components",
    endpoints: ['executeWorkflow'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
  },
  async (ctx) => {
    const wf = workflow(ctx, 'fast');
    const res = await ctx.api.post('executeWorkflow', executeBody(ctx));
    if (!ctx.expect.status(res, 200)) return;
    ctx.expect.contentType(res);
    ctx.expect.schema(
      res,
      executeResponseSchema(wf),
      'execute-response.schema.json+workflows.fast.outputComponents',
    );
    ctx.findings.observe('durationMs', Math.round(res.durationMs));
  },
);
