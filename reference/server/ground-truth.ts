import type { FastifyInstance } from 'fastify';
import { conversationView, executionsView } from './conversation-view.js';
import type { ReferenceState } from './state.js';

/**
 * Outside the documented API, no key needed (no secrets here): health, what this
 * instance runs, and when each execution really started and finished, so
 * scenarios can measure their own timing error.
 */
export function registerGroundTruth(app: FastifyInstance, state: ReferenceState): void {
  app.get('/__reference/health', (_request, reply) => reply.send({ ok: true }));
  app.get('/__reference/info', (_request, reply) =>
    reply.send({
      timeScale: state.options.timeScale,
      faults: state.options.faults,
      seed: state.options.seed,
      syncLimitMs: state.syncLimitMs,
      retention: state.options.retention,
      conversations: state.store.size,
      inFlight: state.executor.inFlight,
      workflows: [...state.workflows.values()].map((wf) => ({
        id: wf.id,
        version: wf.version,
        title: wf.title,
        role: wf.role ?? null,
      })),
    }),
  );
  app.get<{ Params: { conversationId: string } }>(
    '/__reference/executions/:conversationId',
    (request, reply) => {
      const conversation = state.store.get(request.params.conversationId);
      if (conversation === undefined)
        return reply
          .code(404)
          .send({ error: `conversation "${request.params.conversationId}" not found (or evicted)` });
      return reply.send({ ...executionsView(conversation), status: conversationView(conversation).status });
    },
  );
}
