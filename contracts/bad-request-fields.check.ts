import { applyMutation, defineCheck, executeBody, requestMutations } from './kit/index.js';

defineCheck(
  {
    id: 'bad-request-fields',
    title: '400 with {"error"} for a missing or mistyped workflowId, version or input',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: [],
    basis: 'documented',
  },
  async (ctx) => {
    // One missing and one mistyped case per required field keeps this check to a few requests;
    // negative-inputs explores the rest of the space.
    const seen = new Set<string>();
    const cases = requestMutations().filter((m) => {
      const key = `${m.field}:${m.kind === 'missing' ? 'missing' : 'typed'}`;
      if (m.field === 'conversationId' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground'] as const) {
      for (const m of cases) {
        const res = await ctx.api.post(endpoint, applyMutation(executeBody(ctx), m));
        ctx.expect.errorBody(res, 400);
      }
    }
  },
);
