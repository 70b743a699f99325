import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { K6_ERROR, mapNetworkError } from './error-codes.js';

export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
  readonly timeoutMs: number;
  readonly discardBody: boolean;
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
  /**
   * Where the request registers its abort function while in flight; calling it (the test
   * is stopping) ends the request with errorCode -1, never reported as a sample. A set per
   * VU instead of one AbortSignal listener per request keeps the hot path cheap.
   */
  readonly inflight?: Set<() => void>;
}

export interface Timings {
  blocked: number;
  /** Always 0 (k6 keeps the deprecated DNS phase in res.timings). */
  looking_up: number;
  connecting: number;
  tls_handshaking: number;
  sending: number;
  waiting: number;
  receiving: number;
  duration: number;
}

export interface RawResult {
  readonly startedAt: number;
  readonly status: number;
  readonly statusText: string;
  readonly proto: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly timings: Timings;
  readonly error: string;
  /** What k6 logs with "Request Failed" (Go's error text). */
  readonly errorDetail: string;
  readonly errorCode: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly remoteIp: string;
  readonly remotePort: number;
}

const canonical = new Map<string, string>();

/** Go's CanonicalMIMEHeaderKey, which k6's response headers use: content-type → Content-Type. */
export function canonicalHeader(name: string): string {
  let out = canonical.get(name);
  if (out === undefined) {
    out = name
      .toLowerCase()
      .replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    // Header names repeat; the cache stays small unless a server invents names per response.
    if (canonical.size < 1000) canonical.set(name, out);
  }
  return out;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * One request on Node's client with k6's timing phases, measured from socket events:
 * blocked (waiting for a socket), connecting, tls_handshaking, sending, waiting (to the
 * first byte of the response head), receiving (the body). Never rejects: failures come
 * back as k6 error codes with status 0.
 */
export function sendRequest(req: RawRequest): Promise<RawResult> {
  const startedAt = epochNow();
  const t0 = performance.now();
  let url: URL;
  try {
    url = new URL(req.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`unsupported protocol scheme "${url.protocol.slice(0, -1)}"`);
  } catch (error) {
    return Promise.resolve(
      failed(startedAt, K6_ERROR.invalidUrl, `invalid URL "${req.url}": ${(error as Error).message}`),
    );
  }
  const secure = url.protocol === 'https:';
  const hostPort = `${url.hostname}:${url.port === '' ? (secure ? 443 : 80) : url.port}`;
  return new Promise((resolve) => {
    let tSocket = -1,
      tConnected = -1,
      tTls = -1,
      tSent = -1,
      tFirstByte = -1;
    let socket: Socket | undefined;
    let written0 = 0,
      read0 = 0;
    let timedOut = false,
      settled = false;
    const chunks: Buffer[] = [];

    const client = (secure ? https : http).request(url, {
      method: req.method,
      headers:
        req.body === undefined ? req.headers : { 'Content-Length': String(req.body.length), ...req.headers },
      agent: secure ? req.agents.https : req.agents.http,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      client.destroy(new Error('request timeout'));
    }, req.timeoutMs);
    let aborted = false;
    const onAbort = (): void => {
      aborted = true;
      client.destroy(new Error('aborted'));
    };
    req.inflight?.add(onAbort);

    const finish = (
      status: number,
      statusText: string,
      proto: string,
      headers: Record<string, string>,
      err?: NodeJS.ErrnoException,
    ): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.inflight?.delete(onAbort);
      const tEnd = performance.now();
      const connStart = tSocket < 0 ? tEnd : tSocket;
      const ready = Math.max(tConnected, tTls, connStart);
      const sentAt = tSent < 0 ? ready : Math.max(tSent, ready);
      const first = tFirstByte < 0 ? tEnd : tFirstByte;
      const mapped =
        err === undefined
          ? undefined
          : aborted
            ? { code: -1, message: 'aborted', detail: 'aborted', dialFailed: false }
            : mapNetworkError(err, hostPort, timedOut);
      // No connection, nothing measured: k6 reports every phase and the bytes sent as 0.
      const dialFailed = mapped?.dialFailed === true;
      const timings: Timings = dialFailed
        ? zeroTimings()
        : {
            blocked: Math.max(0, connStart - t0),
            looking_up: 0,
            connecting: tConnected < 0 ? 0 : Math.max(0, tConnected - connStart),
            tls_handshaking: tTls < 0 ? 0 : Math.max(0, tTls - Math.max(tConnected, connStart)),
            sending: Math.max(0, sentAt - ready),
            waiting: Math.max(0, first - sentAt),
            receiving: tFirstByte < 0 ? 0 : Math.max(0, tEnd - tFirstByte),
            duration: 0,
          };
      timings.duration = timings.sending + timings.waiting + timings.receiving;
      resolve({
        startedAt,
        status: mapped === undefined ? status : 0,
        statusText: mapped === undefined ? statusText : '',
        proto,
        headers: mapped === undefined ? headers : {},
        body: mapped === undefined && !req.discardBody ? Buffer.concat(chunks) : undefined,
        timings,
        error: mapped?.message ?? '',
        errorDetail: mapped?.detail ?? '',
        errorCode: mapped?.code ?? 0,
        bytesSent: socket === undefined || dialFailed ? 0 : socket.bytesWritten - written0,
        bytesReceived: socket === undefined ? 0 : socket.bytesRead - read0,
        remoteIp: socket?.remoteAddress ?? '',
        remotePort: socket?.remotePort ?? 0,
      });
    };

    client.on('socket', (s: Socket) => {
      socket = s;
      tSocket = performance.now();
      written0 = s.bytesWritten;
      read0 = s.bytesRead;
      if (s.connecting) {
        s.once('connect', () => {
          tConnected = performance.now();
        });
        if (secure)
          s.once('secureConnect', () => {
            tTls = performance.now();
          });
      }
    });
    client.on('finish', () => {
      tSent = performance.now();
    });
    client.on('error', (err: NodeJS.ErrnoException) => finish(0, '', '', {}, err));
    client.on('response', (res) => {
      tFirstByte = performance.now();
      const headers: Record<string, string> = {};
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const name = canonicalHeader(res.rawHeaders[i] ?? '');
        const value = res.rawHeaders[i + 1] ?? '';
        headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
      }
      res.on('data', (chunk: Buffer) => {
        if (!req.discardBody) chunks.push(chunk);
      });
      res.on('end', () =>
        finish(
          res.statusCode ?? 0,
          `${res.statusCode ?? 0} ${res.statusMessage ?? ''}`.trim(),
          `HTTP/${res.httpVersion}`,
          headers,
        ),
      );
      res.on('error', (err: NodeJS.ErrnoException) => finish(0, '', '', {}, err));
      res.on('aborted', () =>
        finish(0, '', '', {}, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      );
    });
    client.end(req.body);
  });
}

function zeroTimings(): Timings {
  return {
    blocked: 0,
    looking_up: 0,
    connecting: 0,
    tls_handshaking: 0,
    sending: 0,
    waiting: 0,
    receiving: 0,
    duration: 0,
  };
}

function failed(startedAt: number, code: number, message: string): RawResult {
  const timings = zeroTimings();
  return {
    startedAt,
    status: 0,
    statusText: '',
    proto: '',
    headers: {},
    body: undefined,
    timings,
    error: message,
    errorDetail: message,
    errorCode: code,
    bytesSent: 0,
    bytesReceived: 0,
    remoteIp: '',
    remotePort: 0,
  };
}
