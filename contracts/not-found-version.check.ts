import { defineCheck, executeBody } from './kit/index.js';

defineCheck(
  {
    id: 'not-found-version',
    title: '404 with {"error"} for an unknown version of a known workflow',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: ['workflow:fast'],
    basis: 'documented',
  },
  async (ctx) => {
    // Far above any real version; the docs say only "404 Workflow not found".
    const version = 987_654;
    for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground'] as const) {
      const res = await ctx.api.post(endpoint, executeBody(ctx, 'fast', { version }));
      ctx.expect.errorBody(res, 404);
    }
  },
);
