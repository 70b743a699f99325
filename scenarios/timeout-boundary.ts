// Sync calls to the slow workflow around the sync limit. The client waits far longer than
// the limit (3× it), so a cut-off is the server's, and each call lands in one class.
import { check } from 'k6';
import exec from 'k6/execution';
import { call, executeBody } from './lib/api.js';
import { validateResponse } from './lib/contract.js';
import { ENV, syncLimitMs } from './lib/env.js';
import {
  clientTimeouts,
  completedAfterTimeout,
  creditsUsed,
  serverTimeouts,
  syncCalls,
  workflowLatency,
} from './lib/metrics.js';
import { pollUntilDone } from './lib/polling.js';
import { scenarioOptions } from './lib/profiles.js';

export const options = scenarioOptions('timeout-boundary');
export { handleSummary } from './lib/summary.js';

/** k6's error code for a request that hit its own timeout. */
const REQUEST_TIMEOUT = 1050;

export type TimeoutClass =
  'answered_below_limit' | 'answered_past_limit' | 'server_timeout' | 'client_timeout' | 'other_error';

export function classify(
  status: number,
  errorCode: number,
  durationMs: number,
  limitMs: number,
  timeoutStatus: number | undefined,
): TimeoutClass {
  if (errorCode === REQUEST_TIMEOUT) return 'client_timeout';
  if (status === 0) return 'other_error';
  if (timeoutStatus !== undefined ? status === timeoutStatus : status === 504 || status === 408)
    return 'server_timeout';
  if (status >= 200 && status < 300)
    return durationMs < limitMs ? 'answered_below_limit' : 'answered_past_limit';
  return 'other_error';
}

export async function timeoutBoundary(): Promise<void> {
  const limit = syncLimitMs();
  const timeoutStatus = ENV.target.syncLimit?.timeoutStatus;
  const res = call('executeWorkflow', 'slow', executeBody('slow', undefined, exec.scenario.iterationInTest), {
    timeoutMs: Math.max(3 * limit, 1000),
    expected: timeoutStatus === undefined ? [504] : [timeoutStatus],
  });
  const cls = classify(res.status, res.error_code, res.timings.duration, limit, timeoutStatus);
  const tags = { endpoint: 'executeWorkflow', workflow: 'slow', class: cls };
  syncCalls.add(1, tags);
  serverTimeouts.add(cls === 'server_timeout', tags);
  clientTimeouts.add(cls === 'client_timeout', tags);
  if (cls !== 'client_timeout') workflowLatency.add(res.timings.duration, tags);
  const body = validateResponse('executeWorkflow', 'slow', res) as { conversationId?: unknown } | undefined;
  check(res, { 'sync call classified': () => cls !== 'other_error' }, tags);
  // After a timeout answer, does the execution still land in its conversation?
  if (cls === 'server_timeout' && typeof body?.conversationId === 'string') {
    const result = await pollUntilDone('slow', body.conversationId, undefined);
    completedAfterTimeout.add(result.outcome === 'completed', { workflow: 'slow' });
    // The execution ran on after the timeout answer: its final usage is spent all the same.
    if (result.credits !== undefined)
      creditsUsed.add(result.credits, { endpoint: 'executeWorkflow', workflow: 'slow' });
  }
}

export default timeoutBoundary;
