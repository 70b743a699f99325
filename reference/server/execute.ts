import type { Account } from '../engine/accounts.js';
import type { ConversationRecord, TurnRecord } from '../engine/conversation-store.js';
import type { Answer } from '../faults/index.js';
import { catalogueKey, type WorkflowDefinition } from '../workflows/index.js';
import { fail, ok } from './answer.js';
import { parseJsonObject, validateOr400 } from './request-body.js';
import type { ReferenceState } from './state.js';
import { executeRequestValidator, inputValidator } from './validators.js';

interface Accepted {
  readonly wf: WorkflowDefinition;
  readonly conversation: ConversationRecord | undefined;
  readonly input: Record<string, unknown>;
}

/**
 * The checks before an execution, in the documented order (reference/README.md):
 * body → workflow/version (404) → permission (403) → conversation (404/403) →
 * input components (400) → credits (400). Auth ran before, in onRequest.
 */
function accept(state: ReferenceState, account: Account, body: Record<string, unknown>): Accepted | Answer {
  const invalid = validateOr400(executeRequestValidator(), body, 'body');
  if (invalid !== undefined) return invalid;
  const workflowId = body.workflowId as string;
  const version = body.version as number;
  const wf = state.workflows.get(catalogueKey(workflowId, version));
  if (wf === undefined) {
    const versions = state.versions.get(workflowId);
    const message =
      versions === undefined
        ? `workflow "${workflowId}" not found`
        : `workflow "${workflowId}" has no version ${version} (versions: ${versions.join(', ')})`;
    return fail(404, 'workflow-not-found', message);
  }
  if (account.denied.has(wf.id))
    return fail(403, 'forbidden', `this API key has no permission to execute workflow "${wf.id}"`);
  let conversation: ConversationRecord | undefined;
  if (typeof body.conversationId === 'string') {
    conversation = state.store.get(body.conversationId);
    if (conversation === undefined || conversation.workflowId !== wf.id) {
      return fail(
        404,
        'conversation-not-found',
        `conversation "${body.conversationId}" not found for workflow "${wf.id}"`,
      );
    }
    if (conversation.account !== account.name)
      return fail(403, 'forbidden', `conversation "${body.conversationId}" belongs to another account`);
  }
  const input = body.input as Record<string, unknown>;
  const badInput = validateOr400(inputValidator(wf), input, 'input');
  if (badInput !== undefined) return badInput;
  if (account.credits < wf.creditCost) {
    return fail(
      400,
      'insufficient-credits',
      `insufficient credits: workflow "${wf.id}" costs ${wf.creditCost}, this key's account has ${account.credits} left`,
    );
  }
  return { wf, conversation, input };
}

function startTurn(
  state: ReferenceState,
  account: Account,
  accepted: Accepted,
  mode: TurnRecord['mode'],
): { conversation: ConversationRecord; started: ReturnType<ReferenceState['executor']['start']> } {
  const { wf, input } = accepted;
  let conversation = accepted.conversation;
  if (conversation === undefined) conversation = state.store.create(wf.id, wf.version, account.name);
  else state.store.touch(conversation);
  const started = state.executor.start(conversation, wf, input, mode, account);
  // A fault may run the same request again into the same conversation (a retrying gateway).
  const runs = Math.max(1, ...state.hooks.map((h) => h.runCount?.(mode) ?? 1));
  for (let i = 1; i < runs; i++) state.executor.start(conversation, wf, input, mode, account);
  return { conversation, started };
}

export async function executeSync(
  state: ReferenceState,
  account: Account,
  contentType: string | undefined,
  raw: unknown,
): Promise<Answer> {
  const parsed = parseJsonObject(contentType, raw);
  if ('answer' in parsed) return parsed.answer;
  const { body } = parsed;
  const accepted = accept(state, account, body);
  if (!('wf' in accepted)) return accepted;
  const { conversation, started } = startTurn(state, account, accepted, 'sync');
  // Fast path: when the armed timer ends well inside the limit there is nothing to race.
  const turn =
    started.plannedMs < state.syncLimitMs * 0.5
      ? await started.done
      : await raceLimit(started.done, state.syncLimitMs);
  if (turn === undefined) {
    return fail(
      504,
      'sync-timeout',
      `execution did not finish within the sync limit of ${Math.round(state.syncLimitMs)} ms; it continues in the background: poll getConversationById with this conversationId`,
      { conversationId: conversation.id },
    );
  }
  if (turn.status === 'failed') {
    // A failed run is still an answered execution (200); the conversation carries the details.
    return ok({
      conversationId: conversation.id,
      output: {},
      creditUsage: turn.creditUsage,
      status: 'failed',
      errors: turn.errors,
    });
  }
  return ok({ conversationId: conversation.id, output: turn.output ?? {}, creditUsage: turn.creditUsage });
}

export function executeBackground(
  state: ReferenceState,
  account: Account,
  contentType: string | undefined,
  raw: unknown,
): Answer {
  const parsed = parseJsonObject(contentType, raw);
  if ('answer' in parsed) return parsed.answer;
  const { body } = parsed;
  const accepted = accept(state, account, body);
  if (!('wf' in accepted)) return accepted;
  const { conversation } = startTurn(state, account, accepted, 'background');
  return ok({ conversationId: conversation.id, creditUsage: 0 });
}

async function raceLimit(done: Promise<TurnRecord>, limitMs: number): Promise<TurnRecord | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), limitMs);
  });
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
