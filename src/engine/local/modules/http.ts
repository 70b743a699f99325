import { spoolExchange } from '../../../har/index.js';
import { unsupported } from '../supported.js';
import { parseDuration } from '../options/duration.js';
import { Response } from '../http/response.js';
import { sendRequest, type RawResult } from '../http/send-request.js';
import { Interrupted } from '../runtime/test-run.js';
import type { Vu } from '../runtime/vu.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const KNOWN_PARAMS = new Set(['headers', 'tags', 'timeout', 'responseType', 'responseCallback', 'redirects']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-type'));
}

export interface HttpModuleOptions {
  readonly userAgent: string;
  readonly discardResponseBodies: boolean;
  /** options.maxRedirects (k6 default 10). */
  readonly maxRedirects: number;
  /** `harness load --har`: spool the exchanges of each scenario's first `iterations` iterations (and setup). */
  readonly har?: { readonly spoolDir: string; readonly iterations: number };
}

interface Params {
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  timeout?: string | number;
  responseType?: string;
  responseCallback?: ((status: number) => boolean) | null;
  redirects?: number;
}

type StatusRange = number | { min: number; max: number };

/** k6's expectedStatuses(): a response callback that accepts the listed codes and ranges. */
export function expectedStatuses(...ranges: StatusRange[]): (status: number) => boolean {
  for (const r of ranges) {
    if (
      typeof r !== 'number' &&
      (typeof r !== 'object' || typeof r.min !== 'number' || typeof r.max !== 'number')
    ) {
      throw new Error('expectedStatuses() takes status codes or {min, max} objects');
    }
  }
  return (status) =>
    ranges.some((r) => (typeof r === 'number' ? status === r : status >= r.min && status <= r.max));
}

export const DEFAULT_RESPONSE_CALLBACK = expectedStatuses({ min: 200, max: 399 });

function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'object') {
    // k6 form-encodes a plain object body.
    return Buffer.from(
      new URLSearchParams(
        Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString(),
    );
  }
  return Buffer.from(String(body as number | boolean | bigint));
}

/** The system tags the engine adds to a request's samples, which --system-tags may drop. */
const REQUEST_SYSTEM_TAGS = [
  'method',
  'url',
  'name',
  'status',
  'error_code',
  'error',
  'proto',
  'expected_response',
];

/** Module `k6/http` for one VU: every request emits k6's HTTP metrics with its system tags. */
export function httpModule(vu: Vu, opts: HttpModuleOptions): Record<string, unknown> {
  const run = vu.run;

  async function perform(
    method: string,
    url: unknown,
    body: unknown,
    given?: Params | null,
  ): Promise<Response> {
    if (vu.inInit) throw new Error('Making http requests in the init context is not supported');
    // k6 takes null (and undefined) params as "no params".
    const params: Params = given ?? {};
    const urlText = typeof url === 'object' && url !== null && 'url' in url ? String(url.url) : String(url);
    for (const key of Object.keys(params))
      if (!KNOWN_PARAMS.has(key))
        throw unsupported(
          `the request param '${key}'`,
          `supported params are ${[...KNOWN_PARAMS].join(', ')}`,
        );
    const responseType = params.responseType ?? (opts.discardResponseBodies ? 'none' : 'text');
    if (responseType !== 'text' && responseType !== 'none')
      throw unsupported(`responseType '${responseType}'`, "use 'text' or 'none'");
    const timeoutMs =
      params.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseDuration(params.timeout, 'params.timeout');
    const encoded = encodeBody(body);
    const headers: Record<string, string> = { 'User-Agent': opts.userAgent };
    if (
      encoded !== undefined &&
      typeof body === 'object' &&
      !(body instanceof ArrayBuffer) &&
      !ArrayBuffer.isView(body)
    ) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);

    const maxRedirects = params.redirects ?? opts.maxRedirects;
    const first = { method, url: urlText, body: encoded, headers };
    let hop = first;
    for (let redirects = 0; ; redirects++) {
      const raw = await sendRequest({
        method: hop.method,
        url: hop.url,
        headers: hop.headers,
        body: hop.body,
        timeoutMs,
        discardBody: responseType === 'none',
        agents: vu.agents,
        inflight: vu.inflight,
      });
      if (raw.errorCode === -1 || vu.halted) throw new Interrupted();
      emitSamples(raw, hop.method, hop.url, params);
      if (opts.har !== undefined && vu.iterationInTest < opts.har.iterations)
        record(opts.har.spoolDir, raw, hop);
      const location = raw.headers.Location;
      // k6 follows redirects (maxRedirects, default 10); each hop is a request of its own.
      if (
        raw.errorCode === 0 &&
        REDIRECTS.has(raw.status) &&
        location !== undefined &&
        redirects < maxRedirects
      ) {
        const next = new URL(location, hop.url).toString();
        const toGet =
          raw.status === 303 || ((raw.status === 301 || raw.status === 302) && hop.method === 'POST');
        hop = toGet
          ? { method: 'GET', url: next, body: undefined, headers: withoutContentType(hop.headers) }
          : { ...hop, url: next };
        continue;
      }
      if (raw.errorCode === 0 && REDIRECTS.has(raw.status) && location !== undefined)
        run.log('warning', `Stopped after ${maxRedirects} redirects and returned the redirection`, {
          url: hop.url,
        });
      // k6's res.request is the request the script made, not the last hop of its redirects.
      const requestHeaders = Object.fromEntries(Object.entries(first.headers).map(([k, v]) => [k, [v]]));
      return new Response(raw, hop.url, {
        method: first.method,
        url: first.url,
        headers: requestHeaders,
        body: first.body?.toString('utf8') ?? '',
        cookies: {},
      });
    }
  }

  /** One exchange into the HAR spool, with the phases the engine measured (src/har). */
  function record(
    spoolDir: string,
    raw: RawResult,
    hop: { method: string; url: string; body: Buffer | undefined; headers: Record<string, string> },
  ): void {
    const t = raw.timings;
    const failed = raw.errorCode !== 0;
    const iteration = vu.iterationInTest < 0 ? 'setup/teardown' : `iteration ${vu.iterationInTest}`;
    spoolExchange(spoolDir, {
      startedAt: raw.startedAt,
      durationMs: t.blocked + t.connecting + t.tls_handshaking + t.duration,
      phases: {
        blocked: t.blocked,
        connect: t.connecting,
        ssl: hop.url.startsWith('https:') ? t.tls_handshaking : -1,
        send: t.sending,
        wait: t.waiting,
        receive: t.receiving,
      },
      method: hop.method,
      url: hop.url,
      requestHeaders: hop.headers,
      ...(hop.body === undefined ? {} : { requestBody: hop.body.toString('utf8') }),
      ...(failed
        ? { error: raw.errorDetail || raw.error }
        : {
            status: raw.status,
            statusText: raw.statusText,
            responseHeaders: raw.headers,
            responseBody: raw.body?.toString('utf8') ?? '',
          }),
      comment: `load scenario ${vu.baseTags().scenario ?? '?'}, ${iteration}, VU ${vu.id}`,
    });
  }

  function emitSamples(raw: RawResult, method: string, urlText: string, params: Params): void {
    const callback = params.responseCallback === undefined ? vu.responseCallback : params.responseCallback;
    const tags: Record<string, string> = {
      ...vu.baseTags(),
      method,
      url: urlText,
      name: urlText,
      status: String(raw.status),
    };
    // As k6 tags them (lib/netext/httpext/transport.go): a transport failure has `error` and its
    // code and no `proto`; an answer has `proto`, and from status 400 on `error_code` 1000 + status.
    if (raw.errorCode !== 0) {
      tags.error_code = String(raw.errorCode);
      tags.error = raw.error;
    } else {
      if (raw.status >= 400) tags.error_code = String(1000 + raw.status);
      tags.proto = raw.proto;
    }
    const expected = callback === null ? undefined : callback(raw.status);
    if (expected !== undefined) tags.expected_response = String(expected);
    const enabled = run.systemTags;
    if (enabled !== undefined) for (const k of REQUEST_SYSTEM_TAGS) if (!enabled.has(k)) delete tags[k];
    Object.assign(tags, params.tags ?? {});
    const t =
      raw.startedAt +
      raw.timings.blocked +
      raw.timings.connecting +
      raw.timings.tls_handshaking +
      raw.timings.duration;
    run.emit('http_reqs', 1, tags, t);
    run.emit('http_req_duration', raw.timings.duration, tags, t);
    run.emit('http_req_blocked', raw.timings.blocked, tags, t);
    run.emit('http_req_connecting', raw.timings.connecting, tags, t);
    run.emit('http_req_tls_handshaking', raw.timings.tls_handshaking, tags, t);
    run.emit('http_req_sending', raw.timings.sending, tags, t);
    run.emit('http_req_waiting', raw.timings.waiting, tags, t);
    run.emit('http_req_receiving', raw.timings.receiving, tags, t);
    if (expected !== undefined) run.emit('http_req_failed', expected ? 0 : 1, tags, t);
    vu.bytesSent += raw.bytesSent;
    vu.bytesReceived += raw.bytesReceived;
    if (raw.errorCode !== 0)
      run.log('warning', 'Request Failed', {
        error: `${method.charAt(0)}${method.slice(1).toLowerCase()} "${urlText}": ${raw.errorDetail}`,
      });
  }

  // Every request is tracked: one that nobody awaits still ends within its iteration (k6's event loop).
  const send = (method: string, url: unknown, body?: unknown, params?: Params | null): Promise<Response> =>
    vu.track(perform(method, url, body, params));
  const request = (method: string, url: unknown, body?: unknown, params?: Params | null): Promise<Response> =>
    send(method.toUpperCase(), url, body, params);
  const api = {
    request,
    asyncRequest: request,
    get: (url: unknown, params?: Params | null) => send('GET', url, undefined, params),
    head: (url: unknown, params?: Params | null) => send('HEAD', url, undefined, params),
    post: (url: unknown, body?: unknown, params?: Params | null) => send('POST', url, body, params),
    put: (url: unknown, body?: unknown, params?: Params | null) => send('PUT', url, body, params),
    patch: (url: unknown, body?: unknown, params?: Params | null) => send('PATCH', url, body, params),
    del: (url: unknown, body?: unknown, params?: Params | null) => send('DELETE', url, body, params),
    options: (url: unknown, body?: unknown, params?: Params | null) => send('OPTIONS', url, body, params),
    batch: (requests: unknown[] | Record<string, unknown>) => batch(requests),
    expectedStatuses,
    setResponseCallback: (cb: ((status: number) => boolean) | null) => {
      vu.responseCallback = cb;
    },
  };

  async function batch(requests: unknown[] | Record<string, unknown>): Promise<unknown> {
    const one = (r: unknown): Promise<Response> => {
      if (typeof r === 'string') return send('GET', r, undefined);
      if (Array.isArray(r)) return request(String(r[0]), r[1], r[2], r[3] as Params | null | undefined);
      const o = r as { method?: string; url: unknown; body?: unknown; params?: Params };
      return request(o.method ?? 'GET', o.url, o.body, o.params);
    };
    if (Array.isArray(requests)) return Promise.all(requests.map(one));
    const entries = await Promise.all(
      Object.entries(requests).map(async ([k, r]) => [k, await one(r)] as const),
    );
    return Object.fromEntries(entries);
  }

  return { __esModule: true, default: api, ...api };
}
