import { defineCheck, executeBody, workflow, wrongValueFor } from './kit/index.js';

defineCheck(
  {
    id: 'bad-request-input-components',
    title: '400 with {"error"} when an input value does not match its component\'s type',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: ['workflow:fast'],
    basis: 'documented',
  },
  async (ctx) => {
    const wf = workflow(ctx, 'fast');
    const typed = Object.entries(wf.inputComponents).filter(([, type]) => wrongValueFor(type) !== undefined);
    if (typed.length === 0)
      ctx.skip('every input component of workflows.fast accepts any value: nothing to mistype');
    for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground'] as const) {
      for (const [name, type] of typed) {
        const body = executeBody(ctx);
        (body.input as Record<string, unknown>)[name] = wrongValueFor(type);
        const res = await ctx.api.post(endpoint, body);
        ctx.expect.errorBody(res, 400);
      }
    }
  },
);
