import type { Conversation, ConversationTurn } from '../../src/types/generated/conversation.js';
import type { ConversationRecord, TurnRecord } from '../engine/conversation-store.js';

const iso = (epochMs: number | null): string | null =>
  epochMs === null ? null : new Date(epochMs).toISOString();

function turnView(t: TurnRecord): ConversationTurn {
  return {
    status: t.status,
    mode: t.mode,
    input: t.input,
    output: t.output,
    executionPath: [...t.executionPath],
    errors: [...t.errors],
    warnings: [...t.warnings],
    creditUsage: t.creditUsage,
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
  };
}

/** The getConversationById body (schemas/conversation.schema.json): the latest turn's state plus the whole history. */
export function conversationView(c: ConversationRecord): Conversation {
  const turns = c.turns.map(turnView);
  const last = turns[turns.length - 1];
  if (last === undefined) throw new Error(`conversation ${c.id} has no turns`);
  return {
    conversationId: c.id,
    workflowId: c.workflowId,
    version: c.version,
    status: last.status,
    input: last.input,
    output: last.output,
    executionPath: last.executionPath ?? [],
    errors: last.errors ?? [],
    warnings: last.warnings ?? [],
    creditUsage: c.turns.reduce((sum, t) => sum + t.creditUsage, 0),
    turns,
  };
}

/** Ground truth for timing comparisons: real epoch-ms timestamps of each turn. */
export function executionsView(c: ConversationRecord): Record<string, unknown> {
  return {
    conversationId: c.id,
    workflowId: c.workflowId,
    turns: c.turns.map((t, index) => ({
      index,
      mode: t.mode,
      status: t.status,
      queuedAt: t.queuedAt,
      startedAt: t.startedAt,
      finishedAt: t.finishedAt,
      durationMs: t.startedAt !== null && t.finishedAt !== null ? t.finishedAt - t.startedAt : null,
    })),
  };
}
