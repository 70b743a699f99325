// Response validation inside a VU: the precompiled validators (no schema compiled at
// run time) plus the workflow's own output components, recorded as `contract_violations`.
import {
  backgroundResponse,
  conversation,
  errorBody,
  executeResponse,
  type PrecompiledValidator,
} from '../generated/validators.js';
import type { ComponentType } from '../../src/types/generated/target-profile.js';
import { type Endpoint, type Res, jsonBody } from './api.js';
import { ENV, type WorkflowRole, workflow } from './env.js';
import { contractViolations, creditsUsed } from './metrics.js';

const SUCCESS: Record<Endpoint, PrecompiledValidator> = {
  executeWorkflow: executeResponse,
  executeWorkflowBackground: backgroundResponse,
  getConversationById: conversation,
};

function matchesComponent(type: ComponentType, value: unknown): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      // A JSON Schema component: only its `type` is checked here (no compiling in a VU).
      return (
        typeof type !== 'object' ||
        typeof type.type !== 'string' ||
        matchesComponent(type.type === 'string' ? 'text' : (type.type as ComponentType), value)
      );
  }
}

type ComponentCheck = readonly [key: string, type: ComponentType | 'any'];
// Per VU and role, built on first use: a response pays an indexed loop, not Object.entries, a
// closure and for-of's iterator (each several µs in k6's interpreter).
const COMPONENTS: Partial<Record<WorkflowRole, readonly ComponentCheck[]>> = {};

/** Every declared output component present with its type. */
export function outputMatches(role: WorkflowRole, output: unknown): boolean {
  if (typeof output !== 'object' || output === null) return false;
  const record = output as Record<string, unknown>;
  const checks = (COMPONENTS[role] ??= Object.entries(workflow(role).outputComponents));
  for (let i = 0; i < checks.length; i++) {
    const [key, type] = checks[i];
    if (type === 'any' ? !(key in record) : !matchesComponent(type, record[key])) return false;
  }
  return true;
}

type Tags = { readonly endpoint: Endpoint; readonly workflow: WorkflowRole };
// One tags object per endpoint and role for the VU's life: k6 only reads a sample's tags.
const TAGS: Partial<Record<Endpoint, Partial<Record<WorkflowRole, Tags>>>> = {};
const tagsOf = (endpoint: Endpoint, role: WorkflowRole): Tags =>
  ((TAGS[endpoint] ??= {})[role] ??= { endpoint, workflow: role });

/**
 * Validates one response: 2xx bodies against the endpoint's schema (and the workflow's
 * outputs for executeWorkflow), other statuses against the error body. The conversation
 * schema is the reference's own shape, so it applies only when the target says so.
 * Returns the parsed body for the caller.
 */
export function validateResponse(endpoint: Endpoint, role: WorkflowRole, res: Res): unknown {
  const body = jsonBody(res);
  if (!ENV.validate || res.status === 0) return body;
  const tags = tagsOf(endpoint, role);
  let ok: boolean;
  if (res.status >= 200 && res.status < 300) {
    const schemaApplies =
      endpoint !== 'getConversationById' || ENV.target.conversation?.useReferenceSchema === true;
    ok = body !== undefined && (!schemaApplies || SUCCESS[endpoint](body));
    if (ok && endpoint === 'executeWorkflow') ok = outputMatches(role, (body as { output?: unknown }).output);
    const credits =
      endpoint === 'executeWorkflow'
        ? (body as { creditUsage?: unknown } | undefined)?.creditUsage
        : undefined;
    if (typeof credits === 'number' && Number.isFinite(credits)) creditsUsed.add(credits, tags);
  } else {
    ok = body !== undefined && errorBody(body);
  }
  // One Rate sample per response and no check(): a check would add a second sample per request
  // (~8 % of the engine's throughput at 200 VUs) for the same information.
  contractViolations.add(!ok, tags);
  return body;
}
