import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Account } from '../engine/accounts.js';
import type { Answer, AnswerContext, Endpoint } from '../faults/index.js';
import { fail, send } from './answer.js';
import { executeBackground, executeSync } from './execute.js';
import { getConversation } from './get-conversation.js';
import { registerGroundTruth } from './ground-truth.js';
import type { ReferenceState } from './state.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    refAccount: Account | null;
    refIndex: number;
  }
  interface FastifyContextConfig {
    endpoint?: Endpoint;
  }
}

function answerContext(request: FastifyRequest, body?: Record<string, unknown>): AnswerContext {
  return {
    endpoint: request.routeOptions.config.endpoint,
    requestBody: body,
    requestIndex: request.refIndex,
  };
}

function asObject(raw: unknown): Record<string, unknown> | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The fastify app: fault intercepts → auth (onRequest, before the body is read)
 * → body → the endpoint's own checks → fault answer rewrites. Bodies are read raw
 * and parsed by the handlers, so every body problem is a documented 400.
 */
export function buildServer(state: ReferenceState): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  });
  app.decorateRequest('refAccount', null);
  app.decorateRequest('refIndex', 0);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const intercepts = state.hooks.flatMap((h) => (h.intercept === undefined ? [] : [h.intercept.bind(h)]));
  const authHooks = state.hooks.flatMap((h) =>
    h.authenticate === undefined ? [] : [h.authenticate.bind(h)],
  );

  const onRequest = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    request.refIndex = ++state.requestCount;
    const endpoint = request.routeOptions.config.endpoint;
    for (const intercept of intercepts)
      if (intercept({ endpoint, request, reply, requestIndex: request.refIndex })) return;
    const header = request.headers['x-api-key'];
    let account = state.accounts.resolve(typeof header === 'string' ? header : undefined);
    for (const authenticate of authHooks) account = authenticate(account, state.accounts.full);
    if (account === undefined) {
      send(
        reply,
        state,
        fail(401, 'unauthorized', 'invalid or missing API key: send a valid key in the x-api-key header'),
        answerContext(request),
      );
      return;
    }
    request.refAccount = account;
    done();
  };

  const methods = ['POST' as const, ...new Set(state.hooks.flatMap((h) => h.acceptMethods?.() ?? []))];
  const delays = state.hooks.flatMap((h) => (h.delayAnswer === undefined ? [] : [h.delayAnswer.bind(h)]));
  const route = (
    endpoint: Endpoint,
    handle: (account: Account, contentType: string | undefined, raw: unknown) => Answer | Promise<Answer>,
  ): void => {
    app.route({
      method: methods,
      url: `/api/${endpoint}`,
      config: { endpoint },
      onRequest,
      handler: async (request, reply) => {
        const answer = await handle(
          request.refAccount as Account,
          request.headers['content-type'],
          request.body,
        );
        const ctx = answerContext(
          request,
          state.answerHooks.length === 0 ? undefined : asObject(request.body),
        );
        const delayMs = delays.reduce((sum, delay) => sum + delay(answer, ctx), 0);
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return send(reply, state, answer, ctx);
      },
    });
  };
  route('executeWorkflow', (account, type, raw) => executeSync(state, account, type, raw));
  route('executeWorkflowBackground', (account, type, raw) => executeBackground(state, account, type, raw));
  route('getConversationById', (account, type, raw) => getConversation(state, account, type, raw));
  registerGroundTruth(app, state);

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .header('content-type', 'application/json; charset=utf-8')
      .send(
        JSON.stringify({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''}` }),
      );
  });
  // Body too large, unreadable body, …: stay inside the documented statuses (400), never 413/415.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const answer =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? fail(400, 'bad-request', `request body is larger than ${BODY_LIMIT_BYTES} bytes (1 MiB)`)
        : status < 500
          ? fail(400, 'bad-request', `unreadable request: ${error.message}`)
          : fail(500, 'internal', 'internal error in the reference deployment');
    return send(reply, state, answer, answerContext(request));
  });
  return app;
}
