import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'auth-ignored',
  title: 'A missing or unknown x-api-key is accepted as the full key',
  violates: 'all endpoints: status 401 (Invalid API key) expected for a missing or unknown key, got 200',
  hooks: () => ({
    authenticate: (resolved, full) => resolved ?? full,
  }),
};
