import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostileMode } from './modes.js';

export interface HostileOptions {
  /** Delay between trickled bytes. */
  readonly trickleIntervalMs: number;
  /** Size of the huge-body response. */
  readonly hugeBodyBytes: number;
  /** Value of the Retry-After header (seconds) in the *-retry-after modes. */
  readonly retryAfterSeconds: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CHUNK = 64 * 1024;

/** Answers one request the broken way `mode` prescribes. */
export function respond(
  mode: HostileMode,
  req: IncomingMessage,
  res: ServerResponse,
  options: HostileOptions,
): void {
  switch (mode) {
    case 'reset':
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': '200' });
      res.write('{"conversationId":"c-reset","output":{"Analy', () => {
        // Give the partial body a moment on the wire so the client is mid-response.
        setTimeout(() => req.socket.resetAndDestroy(), 20);
      });
      return;
    case 'hang':
      return; // the socket stays open until the client gives up or the server closes
    case 'trickle':
      trickle(res, options.trickleIntervalMs);
      return;
    case 'truncated-json':
      send(res, 200, JSON_TYPE, '{"conversationId":"c-trunc","output":{"Analysis Results":"par');
      return;
    case 'not-json':
      send(res, 200, JSON_TYPE, '<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    case 'huge-body':
      hugeBody(res, options.hugeBodyBytes);
      return;
    case 'rate-limited':
    case 'rate-limited-retry-after':
      send(
        res,
        429,
        JSON_TYPE,
        '{"error":"Too many requests"}',
        mode.endsWith('retry-after') ? { 'retry-after': String(options.retryAfterSeconds) } : {},
      );
      return;
    case 'unavailable':
    case 'unavailable-retry-after':
      send(
        res,
        503,
        JSON_TYPE,
        '{"error":"Service unavailable"}',
        mode.endsWith('retry-after') ? { 'retry-after': String(options.retryAfterSeconds) } : {},
      );
      return;
    case 'redirect-loop':
      res.writeHead(307, { location: req.url ?? '/', 'content-length': '0' });
      res.end();
      return;
  }
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function trickle(res: ServerResponse, intervalMs: number): void {
  // No content-length: chunked, so the client cannot know the body is endless.
  res.writeHead(200, { 'content-type': JSON_TYPE });
  res.write('{"conversationId":"c-trickle","output":{"Analysis Results":"');
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) clearInterval(timer);
    else res.write('a');
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

function hugeBody(res: ServerResponse, bytes: number): void {
  const head = '{"conversationId":"c-huge","output":{"Analysis Results":"';
  const tail = '","Risk Score":1},"creditUsage":1}';
  const fill = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, {
    'content-type': JSON_TYPE,
    'content-length': String(head.length + fill + tail.length),
  });
  res.write(head);
  const chunk = Buffer.alloc(CHUNK, 'a');
  let left = fill;
  // Respect backpressure so a client that stops reading does not make us buffer 50 MB.
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const n = Math.min(left, CHUNK);
      left -= n;
      if (!res.write(n === CHUNK ? chunk : chunk.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}
