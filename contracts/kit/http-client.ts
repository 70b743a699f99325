import { boundHit } from '../../src/config/index.js';
import { redactHeaders } from '../../src/secrets/index.js';
import { endpointUrl, type EndpointName } from '../../src/target/index.js';
import { curlCommand, keyVariable } from './curl-command.js';
import { exchangeRecorder } from './exchange-recorder.js';
import { TransportError, parseJson, readBounded } from './transport.js';

export { TransportError, MAX_BODY_BYTES } from './transport.js';
import type { CheckTarget } from './target-context.js';

/** Used when the target carries no requestTimeoutMs (kept equal to the config default). */
export const DEFAULT_TIMEOUT_MS = 10_000;
const BODY_SUMMARY_CHARS = 500;

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
  /** Every response header, names lower-case (e.g. `allow` on a 405). */
  readonly headers: Readonly<Record<string, string>>;
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

export interface PostOptions {
  readonly key?: KeyChoice;
  /** Sent verbatim instead of JSON.stringify(body), e.g. malformed JSON. */
  readonly rawBody?: string;
  /** This request's own bound (e.g. sync-limit's, derived from the profile) instead of requestTimeoutMs; such a request is exempt from the profile's responseTimeMs. */
  readonly timeoutMs?: number;
  /** The request's Content-Type instead of application/json; null sends none at all. */
  readonly contentType?: string | null;
}

/** Methods other than POST: `body` undefined sends no body at all. */
export type Method = 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE';

export interface ClientHooks {
  /** Who makes the requests (the check id): the HAR entries' comment. */
  readonly check?: string;
  /** Each response as it arrives, with the options it was sent with (the response-time bound). */
  readonly onResponse?: (res: ApiResponse, options: PostOptions) => void;
}

export interface ApiClient {
  post(endpoint: EndpointName, body: unknown, options?: PostOptions): Promise<ApiResponse>;
  /** Any method; `body` undefined sends no body (GET, DELETE). */
  send(method: Method, endpoint: EndpointName, body: unknown, options?: PostOptions): Promise<ApiResponse>;
  /** Every request made so far, key redacted. */
  readonly requests: readonly RequestSummary[];
}

/**
 * Every request is bounded (requestTimeoutMs unless the check sets its own) and summarised
 * with the key redacted; with `target.harSpoolDir` each exchange is also spooled for the
 * HAR file (`--har`), failed ones included.
 */
export function createClient(target: CheckTarget, hooks: ClientHooks = {}): ApiClient {
  const requests: RequestSummary[] = [];
  const recorder = exchangeRecorder(target, hooks.check);
  const send = async (
    method: Method,
    endpoint: EndpointName,
    body: unknown,
    options: PostOptions = {},
  ): Promise<ApiResponse> => {
    const url = endpointUrl(target.profile, endpoint);
    const headers: Record<string, string> = { accept: 'application/json' };
    const text = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
    // A POST always says what it sends (as before: also a bodiless one); other methods only with a body.
    if ((text !== undefined || method === 'POST') && contentType !== null)
      headers['content-type'] = contentType;
    const key = keyFor(target, options.key ?? 'main');
    if (key !== undefined) headers['x-api-key'] = key;
    const curl = curlCommand(method, url, headers, text, keyVariable(target, options.key ?? 'main'));
    const summary: RequestSummary = {
      method,
      path: new URL(url).pathname,
      headers: redactHeaders(headers),
      body: (text ?? '').slice(0, BODY_SUMMARY_CHARS),
    };
    requests.push(summary);
    const ended = recorder({
      method,
      url,
      requestHeaders: headers,
      ...(text === undefined ? {} : { requestBody: text }),
    });
    const started = performance.now();
    let waitMs: number | undefined;
    const timeoutMs = options.timeoutMs ?? target.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    let res: Response | undefined;
    try {
      res = await fetch(url, {
        method,
        headers,
        // Bytes, not a string: a string body would make fetch add text/plain when contentType is null.
        ...(text === undefined ? {} : { body: Buffer.from(text, 'utf8') }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      waitMs = performance.now() - started;
      const resText = await readBounded(res, endpoint, summary, curl);
      const retryAfter = res.headers.get('retry-after');
      const resHeaders = Object.fromEntries(res.headers);
      const answer: ApiResponse = {
        endpoint,
        status: res.status,
        contentType: res.headers.get('content-type') ?? undefined,
        headers: resHeaders,
        ...(retryAfter === null ? {} : { retryAfter }),
        text: resText,
        json: parseJson(resText),
        durationMs: performance.now() - started,
        request: summary,
        curl,
      };
      ended(
        {
          status: res.status,
          statusText: res.statusText,
          responseHeaders: resHeaders,
          responseBody: resText,
        },
        waitMs,
      );
      hooks.onResponse?.(answer, options);
      return answer;
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const why =
        error instanceof TransportError
          ? error.message
          : e.name !== 'TimeoutError'
            ? (e.cause?.code ?? e.message)
            : options.timeoutMs === undefined
              ? boundHit('requestTimeoutMs', timeoutMs)
              : `no answer within ${timeoutMs} ms (this check's own bound, derived from the target profile)`;
      const answered =
        res === undefined
          ? {}
          : {
              status: res.status,
              statusText: res.statusText,
              responseHeaders: Object.fromEntries(res.headers),
            };
      ended({ ...answered, error: why }, waitMs);
      if (error instanceof TransportError) throw error;
      throw new TransportError(endpoint, summary, `${summary.method} ${summary.path}: ${why}`, curl);
    }
  };
  return {
    requests,
    send,
    post: (endpoint, body, options) => send('POST', endpoint, body, options),
  };
}

function keyFor(target: CheckTarget, choice: KeyChoice): string | undefined {
  if (choice === 'none') return undefined;
  if (typeof choice === 'object') return choice.literal;
  const key = target.keys[choice];
  if (key === undefined) throw new Error(`the target has no ${choice} key (declare the check's needs)`);
  return key;
}
