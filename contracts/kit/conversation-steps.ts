import type { TargetProfile } from '../../src/target/index.js';
import type { CheckContext } from './define-check.js';
import type { ApiResponse } from './http-client.js';
import { getPointer } from './pointer.js';
import { executeBody, workflow } from './requests.js';

type Role = keyof TargetProfile['workflows'];

/** The workflow a conversation check talks to: the conversational one where the profile declares it. */
export const conversationRole = (ctx: Pick<CheckContext, 'profile'>): Role =>
  ctx.profile.workflows.conversational === undefined ? 'fast' : 'conversational';

/** A conversation a check started, with the steps the conversation checks take on it. */
export interface StartedConversation {
  /** The executeWorkflow answer that created it. */
  readonly first: ApiResponse;
  readonly id: string;
  /** getConversationById of this conversation. */
  read(): Promise<ApiResponse>;
  /** One more execution of the same workflow continuing this conversation (sync unless told). */
  continueWith(endpoint?: 'executeWorkflow' | 'executeWorkflowBackground'): Promise<ApiResponse>;
}

/**
 * Starts a conversation with one executeWorkflow of `role`'s workflow. Undefined once the reason is
 * recorded: an answer other than 200, or one without a conversationId string (held to its schema).
 */
export async function startConversation(
  ctx: CheckContext,
  role: Role,
): Promise<StartedConversation | undefined> {
  const wf = workflow(ctx, role);
  const first = await ctx.api.post('executeWorkflow', executeBody(ctx, role));
  if (!ctx.expect.status(first, 200)) return undefined;
  const id = getPointer(first.json, '/conversationId');
  if (typeof id !== 'string') {
    ctx.expect.schema(first, 'execute-response.schema.json');
    return undefined;
  }
  return {
    first,
    id,
    read: () => ctx.api.post('getConversationById', { workflowId: wf.workflowId, conversationId: id }),
    continueWith: (endpoint = 'executeWorkflow') =>
      ctx.api.post(endpoint, executeBody(ctx, role, { conversationId: id })),
  };
}
