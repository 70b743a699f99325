import { randomBytes } from 'node:crypto';
import { ALL_ENDPOINTS, defineCheck, plausibleBody } from './kit/index.js';

defineCheck(
  {
    id: 'auth-unknown-key',
    title: '401 with {"error"} for an unknown x-api-key, on every endpoint',
    endpoints: ALL_ENDPOINTS,
    needs: [],
    basis: 'documented',
  },
  async (ctx) => {
    const literal = `harness-not-a-key-${randomBytes(8).toString('hex')}`;
    for (const endpoint of ALL_ENDPOINTS) {
      const res = await ctx.api.post(endpoint, plausibleBody(ctx, endpoint), { key: { literal } });
      ctx.expect.errorBody(res, 401);
    }
  },
);
