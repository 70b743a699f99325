import type { CheckContext } from './define-check.js';
import type { ApiResponse } from './http-client.js';
import { conversationReading } from './poll.js';
import { getPointer } from './pointer.js';
import { workflowOutputSchema } from './workflow-schema.js';

type Role = 'fast' | 'slow' | 'conversational';

/**
 * A completed getConversationById body, read through the profile's pointers: the whole
 * body against conversation.schema.json when the profile says so, the output against
 * the workflow's output components, the credit usage a number ≥ 0.
 */
export function expectCompletedConversation(ctx: CheckContext, res: ApiResponse, role: Role): void {
  const read = conversationReading(ctx);
  const wf = ctx.profile.workflows[role];
  if (!ctx.expect.schema(res, { type: 'object' }, 'getConversationById body')) return;
  if (read.useReferenceSchema) ctx.expect.schema(res, 'conversation.schema.json');
  // The docs give no conversation shape: where output and creditUsage sit is the profile's word (inferred).
  const expect = ctx.expect.inferred(ctx.profile.conversation !== undefined);
  if (wf !== undefined) {
    const output = getPointer(res.json, read.outputPointer);
    expect.value(
      res,
      output,
      workflowOutputSchema(wf),
      `workflows.${role}.outputComponents`,
      read.outputPointer,
    );
  }
  const credit = getPointer(res.json, read.creditUsagePointer);
  expect.value(res, credit, 'common.schema.json#/$defs/CreditUsage', 'CreditUsage', read.creditUsagePointer);
}
