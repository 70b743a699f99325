import type { FaultDefinition } from './fault.js';

const EVERY = 5;

export const fault: FaultDefinition = {
  name: 'intermittent-500',
  title: `Every ${EVERY}th request to a documented endpoint is answered 500`,
  violates: 'all endpoints: status 500 is not a documented status (documented: 200, 400, 401, 403, 404)',
  hooks: () => ({
    answer: (answer, ctx) =>
      ctx.requestIndex % EVERY === 0
        ? { ...answer, status: 500, body: { error: 'internal server error (fault intermittent-500)' } }
        : answer,
  }),
};
