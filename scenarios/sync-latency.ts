// Open-model latency of the sync endpoint on the fast workflow: iterations arrive on
// schedule whether or not the deployment keeps up; every response is validated.
import { call, executeBody } from './lib/api.js';
import { validateResponse } from './lib/contract.js';
import { workflow } from './lib/env.js';
import { workflowLatency } from './lib/metrics.js';
import { scenarioOptions } from './lib/profiles.js';

export const options = scenarioOptions('sync-latency');
export { handleSummary } from './lib/summary.js';

export function syncLatency(): void {
  const res = call('executeWorkflow', 'fast', executeBody('fast'));
  workflowLatency.add(res.timings.duration, {
    endpoint: 'executeWorkflow',
    workflow: 'fast',
    workflow_id: workflow('fast').workflowId,
  });
  validateResponse('executeWorkflow', 'fast', res);
}

export default syncLatency;
