import { ALL_ENDPOINTS, defineCheck } from './kit/index.js';

defineCheck(
  {
    id: 'bad-request-malformed-json',
    title: '400 with {"error"} for a body that is not JSON, on every endpoint',
    endpoints: ALL_ENDPOINTS,
    needs: [],
    basis: 'documented',
  },
  async (ctx) => {
    for (const endpoint of ALL_ENDPOINTS) {
      const res = await ctx.api.post(endpoint, undefined, {
        rawBody: '{"workflowId": "12345", "version": 1, "input": {',
      });
      ctx.expect.errorBody(res, 400);
    }
  },
);
