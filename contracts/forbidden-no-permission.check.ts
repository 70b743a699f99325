import { defineCheck, executeBody } from './kit/index.js';

defineCheck(
  {
    id: 'forbidden-no-permission',
    title: '403 with {"error"} when a valid key lacks permission for the workflow',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: ['key:noPermission'],
    basis: 'documented',
  },
  async (ctx) => {
    for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground'] as const) {
      const res = await ctx.api.post(endpoint, executeBody(ctx), { key: 'noPermission' });
      ctx.expect.errorBody(res, 403);
    }
  },
);
