import { gzipSync } from 'node:zlib';
import { boundHit } from '../../config/index.js';
import { ContractValidator, listSchemaFiles } from '../../contract/index.js';
import { endpointUrl, type EndpointName, type ResolvedTarget } from '../../target/index.js';
import type { ContractFailure } from '../../types/generated/contract-failure.js';
import type { VerifyResult } from '../../types/generated/verify-result.js';

type Check = VerifyResult['checks'][number];

/**
 * The main job's stand-in while `harness verify` and `harness load` are not
 * available in this checkout: proves the schemas compile and the target answers
 * the docs' example on each endpoint with a documented body, then measures a few
 * calls so the report has numbers. Same output files as the real phases.
 */
export async function selfCheck(target: ResolvedTarget, runId: string, seed: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<VerifyResult> {
  const startedAt = new Date().toISOString();
  const validator = new ContractValidator();
  const checks: Check[] = [];
  checks.push(await timed('schemas-compile', 'Every schema in schemas/ compiles in ajv strict mode', [], () => {
    for (const file of listSchemaFiles()) validator.compile(file);
    return Promise.resolve([]);
  }));
  let conversationId: string | undefined;
  const wf = target.profile.workflows.fast;
  const request = { workflowId: wf.workflowId, version: wf.version, input: wf.sampleInput };
  checks.push(await timed('docs-example-sync', "The docs' example request on executeWorkflow answers 200 with a documented body", ['executeWorkflow'], async () =>
    expectDocumented(validator, target, 'executeWorkflow', request, 'execute-response.schema.json', timeoutMs)));
  checks.push(await timed('docs-example-background', 'executeWorkflowBackground answers 200 with conversationId and creditUsage', ['executeWorkflowBackground'], async () => {
    const failures = await expectDocumented(validator, target, 'executeWorkflowBackground', request, 'background-response.schema.json', timeoutMs, (body) => {
      conversationId = (body as { conversationId?: string }).conversationId;
    });
    return failures;
  }));
  checks.push(await timed('get-conversation', 'getConversationById finds the background execution', ['getConversationById'], async () =>
    conversationId === undefined ? [] : expectDocumented(validator, target, 'getConversationById', { workflowId: wf.workflowId, conversationId }, undefined, timeoutMs)));
  const summary = { passed: checks.filter((c) => c.outcome === 'passed').length, failed: checks.filter((c) => c.outcome === 'failed').length, skipped: 0 };
  return {
    formatVersion: '1.0.0', kind: 'verify', runId, startedAt, finishedAt: new Date().toISOString(), seed, checks, summary,
    target: { name: target.profile.name, baseUrl: target.profile.baseUrl, embedded: target.embedded },
  };
}

async function timed(id: string, title: string, endpoints: string[], body: () => Promise<ContractFailure[]>): Promise<Check> {
  const start = performance.now();
  let found: ContractFailure[];
  try {
    found = await body();
  } catch (error) {
    // A broken schema or an unexpected body is this check's failure, not a crash of the run.
    const message = error instanceof Error ? error.message : String(error);
    found = [{ code: 'CHECK_ERROR', check: id, endpoint: endpoints[0] ?? '(harness)', status: null, instancePath: '', schemaPath: '', received: message, documented: 'no error', message: `Received: ${message} / Documented: no error` }];
  }
  const failures = found.map((f) => ({ ...f, check: id }));
  return { id, title, endpoints, outcome: failures.length === 0 ? 'passed' : 'failed', durationMs: performance.now() - start, failures };
}

/** requestTimeoutMs's default; the main job passes config.requestTimeoutMs. */
const DEFAULT_TIMEOUT_MS = 10_000;

async function post(target: ResolvedTarget, endpoint: EndpointName, body: unknown, timeoutMs: number): Promise<{ status: number | null; contentType: string; json: unknown; ms: number }> {
  const start = performance.now();
  try {
    const res = await fetch(endpointUrl(target.profile, endpoint), {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': target.keys.main }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = text;
    try { json = JSON.parse(text); } catch { /* recorded as received text */ }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', json, ms: performance.now() - start };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { status: null, contentType: '', json: timedOut ? boundHit('requestTimeoutMs', timeoutMs) : String(error), ms: performance.now() - start };
  }
}

async function expectDocumented(validator: ContractValidator, target: ResolvedTarget, endpoint: EndpointName, body: unknown, schema: string | undefined, timeoutMs: number, onOk?: (json: unknown) => void): Promise<ContractFailure[]> {
  const res = await post(target, endpoint, body, timeoutMs);
  const base = { check: '', endpoint, status: res.status, request: { method: 'POST', path: endpointUrl(target.profile, endpoint), headers: { 'x-api-key': '[REDACTED]' } } };
  if (res.status !== 200) {
    return [{ ...base, code: res.status === null ? 'TRANSPORT' : 'UNEXPECTED_STATUS', instancePath: '', schemaPath: 'status', received: res.status === null ? String(res.json) : res.status, documented: 200, message: `Received: ${res.status ?? String(res.json)} / Documented: 200` }];
  }
  if (!/application\/json/i.test(res.contentType)) {
    return [{ ...base, code: 'WRONG_CONTENT_TYPE', instancePath: '', schemaPath: 'header:content-type', received: res.contentType, documented: 'application/json', message: `Received: ${res.contentType} / Documented: application/json` }];
  }
  if (schema !== undefined) {
    const outcome = validator.validate(schema, res.json);
    if (!outcome.valid) {
      return outcome.errors.map((e) => ({ ...base, code: 'SCHEMA_VIOLATION', instancePath: e.instancePath, schemaPath: `${schema}${e.schemaPath}`, received: JSON.stringify(res.json).slice(0, 200), documented: e.message ?? '', message: `Received: ${JSON.stringify(res.json).slice(0, 80)} / Documented: ${e.message ?? ''}` }));
    }
  }
  onOk?.(res.json);
  return [];
}

/** A few calls per endpoint, as k6 JSON output lines (gzipped), so the report has latency before the load phase exists. */
export async function probeSamples(target: ResolvedTarget, perEndpoint = 20, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
  const wf = target.profile.workflows.fast;
  const request = { workflowId: wf.workflowId, version: wf.version, input: wf.sampleInput };
  const lines = [JSON.stringify({ type: 'Metric', metric: 'http_req_duration', data: { name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: null } })];
  const record = (endpoint: EndpointName, status: number | null, ms: number): void => {
    lines.push(JSON.stringify({ type: 'Point', metric: 'http_req_duration', data: { time: new Date().toISOString(), value: ms, tags: { endpoint, status: String(status ?? 0), scenario: 'self-check' } } }));
  };
  for (let i = 0; i < perEndpoint; i += 1) {
    const sync = await post(target, 'executeWorkflow', request, timeoutMs);
    record('executeWorkflow', sync.status, sync.ms);
    const bg = await post(target, 'executeWorkflowBackground', request, timeoutMs);
    record('executeWorkflowBackground', bg.status, bg.ms);
    const id = (bg.json as { conversationId?: unknown } | null)?.conversationId;
    if (typeof id === 'string') {
      const conv = await post(target, 'getConversationById', { workflowId: wf.workflowId, conversationId: id }, timeoutMs);
      record('getConversationById', conv.status, conv.ms);
    }
  }
  return gzipSync(`${lines.join('\n')}\n`);
}
