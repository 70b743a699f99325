import { defineCheck, executeBody } from './kit/index.js';

defineCheck(
  {
    id: 'insufficient-credits',
    title: '400 with {"error"} when the key has no credits left',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: ['key:noCredits'],
    basis: 'documented',
  },
  async (ctx) => {
    for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground'] as const) {
      const res = await ctx.api.post(endpoint, executeBody(ctx), { key: 'noCredits' });
      ctx.expect.errorBody(res, 400);
    }
  },
);
