import type { ApiClient, ApiResponse, CheckContext, CheckTarget } from '../../contracts/kit/index.js';
import { Expectations, Findings } from '../../contracts/kit/index.js';
import type { TargetProfile } from '../../src/target/index.js';

/**
 * A check's context without a deployment, for unit tests of the contract kit's steps: the
 * profile is the docs' example workflow, and the API answers from a script the test writes
 * (each call's endpoint and body are kept, so a test sees what the step sent).
 */
export const FAST = {
  workflowId: '12345',
  version: 1,
  sampleInput: { 'First Name': 'John', Age: 30 },
  inputComponents: { 'First Name': 'text', Age: 'number' },
  outputComponents: { 'Analysis Results': 'text', 'Risk Score': 'number' },
} as const satisfies TargetProfile['workflows']['fast'];

export function profileWith(extra: Partial<TargetProfile> = {}): TargetProfile {
  return {
    name: 'unit',
    baseUrl: 'http://127.0.0.1:1',
    apiKeyEnv: 'UNIT_API_KEY',
    workflows: { fast: structuredClone(FAST) },
    ...extra,
  };
}

export function targetWith(extra: Partial<CheckTarget> = {}): CheckTarget {
  return {
    profile: profileWith(),
    keys: { main: 'unit-key-main' },
    embedded: false,
    guessed: [],
    seed: 7,
    ...extra,
  };
}

/** An answer as the HTTP client builds it: `json` parsed from `body` when it is JSON. */
export function answer(status: number, body: unknown, extra: Partial<ApiResponse> = {}): ApiResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return {
    endpoint: 'executeWorkflow',
    status,
    contentType: 'application/json',
    headers: { 'content-type': 'application/json' },
    text,
    json,
    durationMs: 1,
    request: { method: 'POST', path: '/api/executeWorkflow', headers: {}, body: '' },
    curl: 'curl unit',
    ...extra,
  };
}

export interface Call {
  readonly endpoint: string;
  readonly body: unknown;
}

export type Script = (call: Call, index: number) => ApiResponse;

/** A CheckContext whose API answers from `script`; `calls` lists what was sent, in order. */
export function fakeContext(
  script: Script,
  profile: TargetProfile = profileWith(),
): { ctx: CheckContext; calls: Call[]; findings: Findings } {
  const calls: Call[] = [];
  const findings = new Findings('unit-check');
  const post = (endpoint: string, body: unknown): Promise<ApiResponse> => {
    const call = { endpoint, body: structuredClone(body) };
    calls.push(call);
    return Promise.resolve({ ...script(call, calls.length - 1), endpoint } as ApiResponse);
  };
  const api: ApiClient = {
    requests: [],
    post: (endpoint, body) => post(endpoint, body),
    send: (_method, endpoint, body) => post(endpoint, body),
  };
  const ctx: CheckContext = {
    target: targetWith({ profile }),
    profile,
    api,
    expect: new Expectations(findings),
    findings,
    seed: 7,
    skip: (reason: string): never => {
      throw new Error(`skipped: ${reason}`);
    },
  };
  return { ctx, calls, findings };
}
