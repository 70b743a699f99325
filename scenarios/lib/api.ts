// The three documented endpoints as k6 requests: key header from __ENV, tags that the
// thresholds filter on (endpoint, workflow role), and an explicit timeout per call.
import http from 'k6/http';
import type { RefinedParams, RefinedResponse, ResponseType } from 'k6/http';
import type { ExecuteRequest } from '../../src/types/generated/execute-request.js';
import { ENV, type WorkflowRole, workflow } from './env.js';
import { mustPace, noteAnswer, pace, paceBlocking } from './pacing.js';

export type Endpoint = 'executeWorkflow' | 'executeWorkflowBackground' | 'getConversationById';
export type Res = RefinedResponse<ResponseType | undefined>;

const DOCUMENTED: Record<Endpoint, string> = {
  executeWorkflow: '/api/executeWorkflow',
  executeWorkflowBackground: '/api/executeWorkflowBackground',
  getConversationById: '/api/getConversationById',
};

export function url(endpoint: Endpoint): string {
  const path = ENV.target.endpoints?.[endpoint] ?? DOCUMENTED[endpoint];
  return ENV.baseUrl + (path.startsWith('/') ? path : `/${path}`);
}

export interface CallOptions {
  readonly timeoutMs?: number;
  /** Statuses that are not failures for http_req_failed (e.g. the documented timeout status). */
  readonly expected?: readonly number[];
  readonly tags?: Record<string, string>;
}

// Params of a call without options, per endpoint and role: built once per VU (k6 only reads them).
const PLAIN: Partial<Record<Endpoint, Partial<Record<WorkflowRole, RefinedParams<'text'>>>>> = {};

function params(endpoint: Endpoint, role: WorkflowRole, options: CallOptions): RefinedParams<'text'> {
  if (options.timeoutMs === undefined && options.expected === undefined && options.tags === undefined)
    return ((PLAIN[endpoint] ??= {})[role] ??= build(endpoint, role, options));
  return build(endpoint, role, options);
}

function build(endpoint: Endpoint, role: WorkflowRole, options: CallOptions): RefinedParams<'text'> {
  return {
    headers: { 'Content-Type': 'application/json', 'x-api-key': ENV.apiKey },
    tags: { endpoint, workflow: role, ...options.tags },
    responseType: 'text',
    ...(options.timeoutMs === undefined ? {} : { timeout: `${Math.ceil(options.timeoutMs)}ms` }),
    ...(options.expected === undefined
      ? {}
      : { responseCallback: http.expectedStatuses({ min: 200, max: 299 }, ...options.expected) }),
  };
}

/** `iteration` picks from the workflow's loadInputs (round-robin); without it, the sample input. */
export function executeBody(role: WorkflowRole, conversationId?: string, iteration?: number): ExecuteRequest {
  const wf = workflow(role);
  const inputs = wf.loadInputs;
  const input =
    iteration === undefined || inputs === undefined
      ? wf.sampleInput
      : (inputs[iteration % inputs.length] ?? wf.sampleInput);
  return {
    workflowId: wf.workflowId,
    version: wf.version,
    input,
    ...(conversationId === undefined ? {} : { conversationId }),
  };
}

const NO_OPTIONS: CallOptions = {};
// URLs per endpoint, resolved once per VU on first use.
const URLS: Partial<Record<Endpoint, string>> = {};

/**
 * POST an endpoint and wait (k6's blocking call: one request per VU at a time). Paced first
 * (a pending Retry-After, the endpoint's rate cap: scenarios/lib/pacing.ts). `body` is sent as
 * JSON; a string is taken as JSON already serialized (a scenario's constant body, built once).
 */
export function call(
  endpoint: Endpoint,
  role: WorkflowRole,
  body: unknown,
  options: CallOptions = NO_OPTIONS,
): Res {
  if (mustPace(endpoint)) paceBlocking(endpoint);
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const res = http.post((URLS[endpoint] ??= url(endpoint)), payload, params(endpoint, role, options));
  noteAnswer(endpoint, res);
  return res;
}

/** The same as a Promise, for async code that must not block its VU's event loop. */
export async function callAsync(
  endpoint: Endpoint,
  role: WorkflowRole,
  body: unknown,
  options: CallOptions = {},
): Promise<Res> {
  if (mustPace(endpoint)) await pace(endpoint);
  const res = await http.asyncRequest(
    'POST',
    url(endpoint),
    JSON.stringify(body),
    params(endpoint, role, options),
  );
  noteAnswer(endpoint, res);
  return res;
}

export function conversationRequest(
  role: WorkflowRole,
  conversationId: string,
): { workflowId: string; conversationId: string } {
  return { workflowId: workflow(role).workflowId, conversationId };
}

/** Parsed JSON body, or undefined when the body is not JSON (itself a contract violation). */
export function jsonBody(res: Res): unknown {
  if (typeof res.body !== 'string' || res.body === '') return undefined;
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return undefined;
  }
}
