import type { FastifyReply } from 'fastify';
import type { Answer, AnswerContext, AnswerReason } from '../faults/index.js';
import type { ReferenceState } from './state.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function ok(body: unknown): Answer {
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body, reason: 'ok' };
}

/** Every error body is {"error": "<useful message>"}, plus optional extra fields (e.g. conversationId on 504). */
export function fail(
  status: number,
  reason: AnswerReason,
  message: string,
  extra: Record<string, unknown> = {},
): Answer {
  return { status, headers: { 'content-type': JSON_TYPE }, body: { error: message, ...extra }, reason };
}

export function isAnswer(value: unknown): value is Answer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'reason' in value &&
    'status' in value &&
    'headers' in value
  );
}

/** Runs the enabled faults' answer hooks, then writes the answer. */
export function send(
  reply: FastifyReply,
  state: ReferenceState,
  answer: Answer,
  ctx: AnswerContext,
): FastifyReply {
  let out = answer;
  for (const hook of state.answerHooks) out = hook(out, ctx);
  reply.code(out.status).headers(out.headers);
  return reply.send(out.rawBody ?? JSON.stringify(out.body));
}
