import { ALL_ENDPOINTS, defineCheck, plausibleBody } from './kit/index.js';

defineCheck(
  {
    id: 'auth-missing-key',
    title: '401 with {"error"} when x-api-key is missing, on every endpoint',
    endpoints: ALL_ENDPOINTS,
    needs: [],
    basis: 'documented',
  },
  async (ctx) => {
    for (const endpoint of ALL_ENDPOINTS) {
      const res = await ctx.api.post(endpoint, plausibleBody(ctx, endpoint), { key: 'none' });
      ctx.expect.errorBody(res, 401);
    }
  },
);
