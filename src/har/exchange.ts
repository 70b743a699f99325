import { redactHeaders, scrub } from '../secrets/index.js';
import type { HarEntry, HarHeader } from '../types/generated/har.js';

/** One request and what came back, as a client saw it; turned into a HAR entry by `harEntry`. */
export interface Exchange {
  /** Epoch ms when the request was sent. */
  readonly startedAt: number;
  readonly durationMs: number;
  /** Time to the response headers, when the client knows it (the rest is receive time). */
  readonly waitMs?: number;
  /** Every phase, when the client measured them (the load engine does): HAR's own timings. */
  readonly phases?: {
    readonly blocked: number;
    readonly connect: number;
    readonly ssl: number;
    readonly send: number;
    readonly wait: number;
    readonly receive: number;
  };
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  /** Absent when no response arrived: then `error` says why. */
  readonly status?: number;
  readonly statusText?: string;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly responseBody?: string;
  readonly error?: string;
  /** Who made the request (a check id, a load iteration). */
  readonly comment?: string;
}

/** A body cut to `max` UTF-8 bytes, with the comment that says so; `cut` tells the caller to count it. */
export function boundedBody(
  text: string,
  max: number,
): { readonly text: string; readonly size: number; readonly cut: boolean; readonly comment?: string } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.byteLength <= max) return { text, size: bytes.byteLength, cut: false };
  return {
    // A multi-byte character cut in two decodes to U+FFFD: harmless in a truncated preview.
    text: bytes.subarray(0, max).toString('utf8'),
    size: bytes.byteLength,
    cut: true,
    comment: `truncated by the harness: first ${max} of ${bytes.byteLength} bytes kept (cap per body)`,
  };
}

function headerList(headers: Readonly<Record<string, string>> | undefined): HarHeader[] {
  return Object.entries(redactHeaders(headers ?? {})).map(([name, value]) => ({ name, value }));
}

function mimeOf(headers: Readonly<Record<string, string>> | undefined): string {
  const found = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type');
  return found?.[1] ?? '';
}

/**
 * A HAR 1.2 entry (schemas/har.schema.json) with secrets redacted: key headers become
 * [REDACTED] and any registered secret in a URL or body is scrubbed. Bodies past
 * `maxBodyBytes` are cut and say so in their `comment`; `truncated` counts them.
 */
export function harEntry(exchange: Exchange, maxBodyBytes: number): { entry: HarEntry; truncated: number } {
  let truncated = 0;
  const total = Math.max(0, exchange.durationMs);
  const wait = Math.min(total, Math.max(0, exchange.waitMs ?? total));
  const url = new URL(scrub(exchange.url));
  const request: HarEntry['request'] = {
    method: exchange.method,
    url: url.href,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headerList(exchange.requestHeaders),
    queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
    headersSize: -1,
    bodySize: exchange.requestBody === undefined ? 0 : Buffer.byteLength(exchange.requestBody, 'utf8'),
  };
  if (exchange.requestBody !== undefined) {
    const body = boundedBody(scrub(exchange.requestBody), maxBodyBytes);
    if (body.cut) truncated += 1;
    request.postData = {
      mimeType: mimeOf(exchange.requestHeaders),
      text: body.text,
      ...(body.comment === undefined ? {} : { comment: body.comment }),
    };
  }
  const responseText = exchange.responseBody ?? '';
  const content = boundedBody(scrub(responseText), maxBodyBytes);
  if (content.cut) truncated += 1;
  const response: HarEntry['response'] = {
    status: exchange.status ?? 0,
    statusText: exchange.statusText ?? '',
    httpVersion: exchange.status === undefined ? '' : 'HTTP/1.1',
    cookies: [],
    headers: headerList(exchange.responseHeaders),
    content: {
      size: content.size,
      mimeType: mimeOf(exchange.responseHeaders),
      text: content.text,
      ...(content.comment === undefined ? {} : { comment: content.comment }),
    },
    redirectURL: '',
    headersSize: -1,
    bodySize: exchange.status === undefined ? -1 : content.size,
    ...(exchange.error === undefined ? {} : { _error: scrub(exchange.error) }),
  };
  const p = exchange.phases;
  // HAR: time is the sum of the phases that apply (-1 = does not apply).
  const timings: HarEntry['timings'] =
    p === undefined
      ? { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive: total - wait }
      : {
          blocked: p.blocked,
          dns: -1,
          connect: p.connect,
          ssl: p.ssl,
          send: p.send,
          wait: p.wait,
          receive: p.receive,
        };
  const time = [timings.blocked, timings.connect, timings.ssl, timings.send, timings.wait, timings.receive]
    .filter((t): t is number => t !== undefined && t > 0)
    .reduce((a, b) => a + b, 0);
  const entry: HarEntry = {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time: p === undefined ? total : time,
    request,
    response,
    cache: {},
    timings,
    ...(exchange.comment === undefined ? {} : { comment: exchange.comment }),
  };
  return { entry, truncated };
}
