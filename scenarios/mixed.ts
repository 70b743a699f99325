// A realistic blend for long runs (soak): mostly fast sync calls, some background work on
// the slow workflow, and conversations continued over several turns.
import { check } from 'k6';
import { call, executeBody } from './lib/api.js';
import { validateResponse } from './lib/contract.js';
import { ENV } from './lib/env.js';
import { continuationsKept } from './lib/metrics.js';
import { scenarioOptions } from './lib/profiles.js';
import { runBackground } from './background-polling.js';
import { syncLatency } from './sync-latency.js';

export const options = scenarioOptions('mixed');
export { handleSummary } from './lib/summary.js';

/** A conversation of three turns: each answer must keep the conversationId it continued. */
export function continueConversation(): void {
  const role = ENV.target.workflows.conversational === undefined ? 'fast' : 'conversational';
  let conversationId: string | undefined;
  for (let turn = 0; turn < 3; turn++) {
    const res = call('executeWorkflow', role, executeBody(role, conversationId), {
      tags: { turn: String(turn) },
    });
    const body = validateResponse('executeWorkflow', role, res) as { conversationId?: unknown } | undefined;
    const id = typeof body?.conversationId === 'string' ? body.conversationId : undefined;
    if (conversationId !== undefined) {
      continuationsKept.add(id === conversationId, { workflow: role });
      check(res, { 'continuation keeps its conversationId': () => id === conversationId });
    }
    if (id === undefined) return;
    conversationId = id;
  }
}

export async function mixed(): Promise<void> {
  const dice = Math.random();
  if (dice < 0.6) syncLatency();
  else if (dice < 0.85) continueConversation();
  else await runBackground(ENV.target.workflows.slow === undefined ? 'fast' : 'slow');
}

export default mixed;
