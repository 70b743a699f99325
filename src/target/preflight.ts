import { randomBytes } from 'node:crypto';
import { boundHit } from '../config/index.js';
import { HarnessError, isHarnessError } from '../errors/index.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import { endpointUrl, type EndpointName } from './endpoints.js';
import type { ResolvedTarget } from './types.js';
import { learnWorkflows } from './learn-workflow.js';

export interface PreflightOptions {
  /** Bound on each preflight request (config.requestTimeoutMs). */
  readonly requestTimeoutMs: number;
}

export interface PreflightAnswer {
  readonly status: number;
  readonly json: unknown;
  readonly durationMs: number;
}

/** One bounded POST with the main key; TLS trouble and a hit bound become named errors. */
export async function preflightPost(
  profile: Pick<TargetProfile, 'baseUrl' | 'endpoints'>,
  key: string,
  endpoint: EndpointName,
  body: unknown,
  timeoutMs: number,
): Promise<PreflightAnswer> {
  const url = endpointUrl(profile, endpoint);
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, durationMs: performance.now() - started };
  } catch (error) {
    throw transportError(url, error as Error & { cause?: { code?: string; message?: string } }, timeoutMs);
  }
}

/**
 * preflightPost with the target's main key, where no answer (HARNESS_ERR_TARGET_UNREACHABLE) is
 * returned instead of thrown: the caller notes it and goes on. Any other error (TLS) is thrown.
 */
export async function answerOrUnreachable(
  target: ResolvedTarget,
  endpoint: EndpointName,
  body: unknown,
  timeoutMs: number,
): Promise<PreflightAnswer | HarnessError> {
  try {
    return await preflightPost(target.profile, target.keys.main, endpoint, body, timeoutMs);
  } catch (error) {
    if (isHarnessError(error) && error.code === 'HARNESS_ERR_TARGET_UNREACHABLE') return error;
    throw error;
  }
}

function transportError(
  url: string,
  e: Error & { cause?: { code?: string; message?: string } },
  timeoutMs: number,
): Error {
  const code = e.cause?.code ?? '';
  const detail = e.cause?.message ?? e.message;
  if (url.startsWith('https:') && /SSL|TLS|EPROTO|CERT|wrong version number/i.test(`${code} ${detail}`)) {
    const plain = url.replace(/^https:/, 'http:').replace(/\/api\/[^/]+$/, '');
    return new HarnessError(
      'HARNESS_ERR_TARGET_TLS',
      `TLS handshake with ${new URL(url).host} failed (${code || detail})`,
      {
        hint: `If the server speaks plain HTTP, use ${plain} instead; otherwise check its certificate.`,
      },
    );
  }
  if (e.name === 'TimeoutError')
    return new HarnessError(
      'HARNESS_ERR_TARGET_UNREACHABLE',
      `${url}: ${boundHit('requestTimeoutMs', timeoutMs)}`,
      {
        hint: 'The host accepts connections but did not answer the first request; raise the bound if it is only slow.',
      },
    );
  return new HarnessError('HARNESS_ERR_TARGET_UNREACHABLE', `${url}: ${code || detail}`, {
    hint: 'Check that the deployment is running and reachable, or fix the target URL.',
  });
}

export function keyRejected(target: ResolvedTarget, endpoint: EndpointName, status: number): HarnessError {
  return new HarnessError(
    'HARNESS_ERR_KEY_REJECTED',
    `the target answered ${status} to the main API key (from ${target.profile.apiKeyEnv}) on ${endpoint}; no check ran`,
    {
      hint: `The key in ${target.profile.apiKeyEnv} is wrong, expired or for another deployment: export a valid one. A rejected key is not a contract failure.`,
    },
  );
}

/**
 * Before any check: one request that needs only a valid key (getConversationById of an
 * unknown conversation: no credit spent) so a rejected key exits 2 instead of failing
 * a dozen checks; on a bare URL, the named (or guessed) workflows are then executed once
 * each and their output shape learned (see learn-workflow.ts).
 */
export async function preflight(target: ResolvedTarget, options: PreflightOptions): Promise<ResolvedTarget> {
  const res = await answerOrUnreachable(
    target,
    'getConversationById',
    {
      workflowId: target.profile.workflows.fast.workflowId,
      conversationId: `harness-preflight-${randomBytes(6).toString('hex')}`,
    },
    options.requestTimeoutMs,
  );
  // No answer (reset, hang): the checks report it as TRANSPORT failures, each naming its request.
  if (isHarnessError(res))
    return { ...target, notes: [...(target.notes ?? []), `preflight got no answer: ${res.message}`] };
  if (res.status === 401) throw keyRejected(target, 'getConversationById', res.status);
  if (target.bare !== true) return target;
  return learnWorkflows(target, options);
}
