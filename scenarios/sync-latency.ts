// Open-model latency of the sync endpoint on the fast workflow: iterations arrive on
// schedule whether or not the deployment keeps up; every response is validated.
import { call, executeBody } from './lib/api.js';
import { validateResponse } from './lib/contract.js';
import { workflow } from './lib/env.js';
import { workflowLatency } from './lib/metrics.js';
import { scenarioOptions } from './lib/profiles.js';

export const options = scenarioOptions('sync-latency');
export { handleSummary } from './lib/summary.js';

// Built once per VU at init, not per iteration: the body never changes and k6 only reads the tags.
const BODY = JSON.stringify(executeBody('fast'));
const LATENCY_TAGS = {
  endpoint: 'executeWorkflow',
  workflow: 'fast',
  workflow_id: workflow('fast').workflowId,
};

export function syncLatency(): void {
  const res = call('executeWorkflow', 'fast', BODY);
  workflowLatency.add(res.timings.duration, LATENCY_TAGS);
  validateResponse('executeWorkflow', 'fast', res);
}

export default syncLatency;
