import { boundHit } from '../../src/config/index.js';
import { redactHeaders } from '../../src/secrets/index.js';
import { endpointUrl, type EndpointName } from '../../src/target/index.js';
import { curlCommand, keyVariable } from './curl-command.js';
import type { CheckTarget } from './target-context.js';

/** Used when the target carries no requestTimeoutMs (kept equal to the config default). */
export const DEFAULT_TIMEOUT_MS = 10_000;
const BODY_SUMMARY_CHARS = 500;
/** A response body past this size is a TransportError: no contract body is that large, and reading 50 MB would stall a check. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Which key goes in x-api-key: a role of the target, none at all, or a literal (an unknown key). */
export type KeyChoice = 'main' | 'noPermission' | 'noCredits' | 'none' | { readonly literal: string };

export interface RequestSummary {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface ApiResponse {
  readonly endpoint: EndpointName;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The Retry-After header, when sent (429/503 answers). */
  readonly retryAfter?: string;
  readonly text: string;
  /** Parsed JSON body; undefined when the body is not JSON. */
  readonly json: unknown;
  readonly durationMs: number;
  readonly request: RequestSummary;
  /** The same request as a ready curl command, the key as "$VAR" (curl-command.ts). */
  readonly curl: string;
}

/** No response arrived (refused, reset, timed out): the kit turns it into a TRANSPORT failure. */
export class TransportError extends Error {
  constructor(
    readonly endpoint: EndpointName,
    readonly request: RequestSummary,
    message: string,
    readonly curl?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface PostOptions {
  readonly key?: KeyChoice;
  /** Sent verbatim instead of JSON.stringify(body), e.g. malformed JSON. */
  readonly rawBody?: string;
  /** This request's own bound (e.g. sync-limit's, derived from the profile) instead of requestTimeoutMs. */
  readonly timeoutMs?: number;
}

export interface ApiClient {
  post(endpoint: EndpointName, body: unknown, options?: PostOptions): Promise<ApiResponse>;
  /** Every request made so far, key redacted. */
  readonly requests: readonly RequestSummary[];
}

/** Every request is bounded (requestTimeoutMs unless the check sets its own) and summarised with the key redacted. */
export function createClient(target: CheckTarget): ApiClient {
  const requests: RequestSummary[] = [];
  return {
    requests,
    async post(endpoint, body, options = {}) {
      const url = endpointUrl(target.profile, endpoint);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
      };
      const key = keyFor(target, options.key ?? 'main');
      if (key !== undefined) headers['x-api-key'] = key;
      const text = options.rawBody ?? JSON.stringify(body);
      const curl = curlCommand('POST', url, headers, text, keyVariable(target, options.key ?? 'main'));
      const summary: RequestSummary = {
        method: 'POST',
        path: new URL(url).pathname,
        headers: redactHeaders(headers),
        body: text.slice(0, BODY_SUMMARY_CHARS),
      };
      requests.push(summary);
      const started = performance.now();
      const timeoutMs = options.timeoutMs ?? target.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body: text,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'manual',
        });
        const resText = await readBounded(res, endpoint, summary, curl);
        const retryAfter = res.headers.get('retry-after');
        return {
          endpoint,
          status: res.status,
          contentType: res.headers.get('content-type') ?? undefined,
          ...(retryAfter === null ? {} : { retryAfter }),
          text: resText,
          json: parseJson(resText),
          durationMs: performance.now() - started,
          request: summary,
          curl,
        };
      } catch (error) {
        if (error instanceof TransportError) throw error;
        const e = error as Error & { cause?: { code?: string } };
        const why =
          e.name !== 'TimeoutError'
            ? (e.cause?.code ?? e.message)
            : options.timeoutMs === undefined
              ? boundHit('requestTimeoutMs', timeoutMs)
              : `no answer within ${timeoutMs} ms (this check's own bound, derived from the target profile)`;
        throw new TransportError(endpoint, summary, `${summary.method} ${summary.path}: ${why}`, curl);
      }
    },
  };
}

async function readBounded(
  res: Response,
  endpoint: EndpointName,
  summary: RequestSummary,
  curl: string,
): Promise<string> {
  const tooLarge = (): TransportError =>
    new TransportError(
      endpoint,
      summary,
      `${summary.method} ${summary.path}: response body larger than ${MAX_BODY_BYTES} bytes`,
      curl,
    );
  if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (res.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Node's web streams are async-iterable; leaving the loop early cancels the stream.
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function keyFor(target: CheckTarget, choice: KeyChoice): string | undefined {
  if (choice === 'none') return undefined;
  if (typeof choice === 'object') return choice.literal;
  const key = target.keys[choice];
  if (key === undefined) throw new Error(`the target has no ${choice} key (declare the check's needs)`);
  return key;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
