import { defineCheck, unknownId } from './kit/index.js';

defineCheck(
  {
    id: 'not-found-workflow',
    title: '404 with {"error"} for an unknown workflowId',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: [],
    basis: 'documented',
  },
  async (ctx) => {
    for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground'] as const) {
      const res = await ctx.api.post(endpoint, {
        workflowId: unknownId(ctx, 'workflow'),
        version: 1,
        input: {},
      });
      ctx.expect.errorBody(res, 404);
    }
  },
);
