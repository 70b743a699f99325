import type { LoadThreshold } from '../../src/types/generated/load-summary.js';

/** A passing http_req_failed rate<0.01 threshold, with the fields a test names replaced. */
export const threshold = (over: Partial<LoadThreshold>): LoadThreshold => ({
  metric: 'http_req_failed',
  name: 'http_req_failed',
  tags: {},
  scenario: null,
  expression: 'rate<0.01',
  aggregation: 'rate',
  operator: '<',
  limit: 0.01,
  measured: 0,
  measuredFrom: 'summary',
  ok: true,
  ...over,
});
