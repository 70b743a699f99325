import type { Account } from '../engine/accounts.js';
import type { Answer } from '../faults/index.js';
import { fail, ok } from './answer.js';
import { conversationView } from './conversation-view.js';
import { parseJsonObject, validateOr400 } from './request-body.js';
import type { ReferenceState } from './state.js';
import { getConversationRequestValidator } from './validators.js';

/** getConversationById: body (400) → unknown conversation or other workflow (404) → other account (403). */
export function getConversation(
  state: ReferenceState,
  account: Account,
  contentType: string | undefined,
  raw: unknown,
): Answer {
  const parsed = parseJsonObject(contentType, raw);
  if ('answer' in parsed) return parsed.answer;
  const { body } = parsed;
  const invalid = validateOr400(getConversationRequestValidator(), body, 'body');
  if (invalid !== undefined) return invalid;
  const workflowId = body.workflowId as string;
  const conversationId = body.conversationId as string;
  const conversation = state.store.get(conversationId);
  if (conversation === undefined || conversation.workflowId !== workflowId) {
    return fail(
      404,
      'conversation-not-found',
      `conversation "${conversationId}" not found for workflow "${workflowId}"`,
    );
  }
  if (conversation.account !== account.name)
    return fail(403, 'forbidden', `conversation "${conversationId}" belongs to another account`);
  return ok(conversationView(conversation));
}
