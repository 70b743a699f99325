// Background executions polled to completion. time_to_completion runs from the submit
// to the response that showed the terminal status; the harness compares it with the
// reference's recorded finish (detection lag) using the conversation tag.
import { callAsync, executeBody } from './lib/api.js';
import { validateResponse } from './lib/contract.js';
import { ENV, type WorkflowRole, workflow } from './lib/env.js';
import {
  creditsUsed,
  executionsCompleted,
  executionsFailed,
  executionsStuck,
  pollsPerExecution,
  submitLatency,
  timeToCompletion,
} from './lib/metrics.js';
import { expectedDuration, learnDuration, pollUntilDone } from './lib/polling.js';
import { scenarioOptions } from './lib/profiles.js';

export const options = scenarioOptions('background-polling');
export { handleSummary } from './lib/summary.js';

/** Submits one background execution and polls it to a terminal state; returns its conversation. */
export async function runBackground(
  role: WorkflowRole,
  conversationId?: string,
): Promise<string | undefined> {
  const submittedAt = Date.now();
  const res = await callAsync('executeWorkflowBackground', role, executeBody(role, conversationId));
  const tags = { endpoint: 'executeWorkflowBackground', workflow: role };
  submitLatency.add(res.timings.duration, tags);
  const body = validateResponse('executeWorkflowBackground', role, res) as
    { conversationId?: unknown } | undefined;
  if (res.status < 200 || res.status >= 300 || typeof body?.conversationId !== 'string') return undefined;
  const id = body.conversationId;
  const result = await pollUntilDone(role, id, expectedDuration(role, workflow(role).expectedDurationMs));
  const outcomeTags = { workflow: role, ...(ENV.traceConversations ? { conversation: id } : {}) };
  if (result.outcome === 'completed') {
    timeToCompletion.add(result.seenAt - submittedAt, outcomeTags);
    learnDuration(role, result.seenAt - submittedAt);
  }
  // The conversation's usage covers all its turns: count it only for a conversation this call began.
  if (conversationId === undefined && result.credits !== undefined)
    creditsUsed.add(result.credits, { endpoint: 'executeWorkflowBackground', workflow: role });
  pollsPerExecution.add(result.polls, { workflow: role });
  executionsCompleted.add(result.outcome === 'completed', { workflow: role });
  executionsFailed.add(result.outcome === 'failed', { workflow: role });
  executionsStuck.add(result.outcome === 'stuck', {
    workflow: role,
    last_status: result.lastStatus ?? 'none',
  });
  return id;
}

export async function backgroundPolling(): Promise<void> {
  await runBackground(ENV.target.workflows.slow === undefined ? 'fast' : 'slow');
}

export default backgroundPolling;
