import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../engine/accounts.js';
import type { Rng } from '../engine/prng.js';
import type { WorkflowDefinition } from '../workflows/index.js';

export type Endpoint = 'executeWorkflow' | 'executeWorkflowBackground' | 'getConversationById';

/** Why the server chose an answer, so a fault can target one case (e.g. 'workflow-not-found'). */
export type AnswerReason =
  | 'ok'
  | 'unauthorized'
  | 'bad-request'
  | 'workflow-not-found'
  | 'conversation-not-found'
  | 'forbidden'
  | 'invalid-input'
  | 'insufficient-credits'
  | 'sync-timeout'
  | 'not-found'
  | 'internal';

/** An answer before serialisation: faults may rewrite any part of it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** A JSON value, serialised after the faults ran; a string `rawBody` wins over it. */
  body: unknown;
  rawBody?: string;
  readonly reason: AnswerReason;
}

export interface AnswerContext {
  readonly endpoint: Endpoint | undefined;
  /** The parsed request body when it was a JSON object. */
  readonly requestBody: Readonly<Record<string, unknown>> | undefined;
  /** 1-based count of requests this server has seen on the documented endpoints. */
  readonly requestIndex: number;
}

export interface InterceptContext {
  readonly endpoint: Endpoint | undefined;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly requestIndex: number;
}

/** What a fault may change. Every hook is optional; a fault uses the ones it needs. */
export interface FaultHooks {
  /** First, before auth: may answer or hijack the exchange itself (hostile transport); return true when it did. */
  intercept?(ctx: InterceptContext): boolean;
  /** Auth: sees the account the key resolved to (undefined when unknown or missing) and may substitute one. */
  authenticate?(resolved: Account | undefined, fullAccount: Account): Account | undefined;
  /** Engine: return true to keep an execution running forever. */
  holdExecution?(mode: 'sync' | 'background', wf: WorkflowDefinition): boolean;
  /** Last, on every answer of the documented endpoints: rewrite status, headers, body. */
  answer?(answer: Answer, ctx: AnswerContext): Answer;
  /** After answer: hold the finished answer back this many ms (a slow gateway); 0 sends at once. */
  delayAnswer?(answer: Answer, ctx: AnswerContext): number;
  /** Routing: methods besides POST the endpoints hand to their handler (a gateway forwarding any method). */
  acceptMethods?(): readonly ('GET' | 'PUT' | 'PATCH' | 'DELETE')[];
  /** Engine: how many times an accepted execution runs (a gateway that retries the POST); default 1. */
  runCount?(mode: 'sync' | 'background'): number;
}

export interface FaultEnv {
  /** This fault's own seeded stream. */
  readonly rng: Rng;
  /** The instance's scaled sync limit in ms. */
  readonly syncLimitMs: number;
}

/**
 * One contract violation the reference can show on demand. Files named
 * `*.fault.ts` in reference/faults/ (and reference/hostile/) export `fault`
 * and are discovered at load time: adding a fault is dropping a file.
 */
export interface FaultDefinition {
  readonly name: string;
  readonly title: string;
  /** What it breaks: endpoint and the JSON pointer, status or header it violates. */
  readonly violates: string;
  /** Why a bare URL cannot catch it (what only a target profile declares); absent = a bare URL must catch it. */
  readonly needsProfile?: string;
  /** Called once per server start, so per-instance state (counters) starts fresh. */
  hooks(env: FaultEnv): FaultHooks;
}

export interface FaultInfo {
  readonly name: string;
  readonly title: string;
  readonly violates: string;
  readonly needsProfile?: string;
}
