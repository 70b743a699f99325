import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { HOSTILE_MODES, isHostileMode, type HostileMode } from './modes.js';
import { respond, type HostileOptions } from './respond.js';

export interface HostileServer {
  /** http://127.0.0.1:PORT — append `/{mode}` to get a target base URL. */
  readonly url: string;
  /** A loopback URL on which nothing listens (connection refused). */
  readonly refusedUrl: string;
  /** Base URL of one misbehaviour, usable as a bare-URL target. */
  baseUrl(mode: HostileMode): string;
  /** Requests received per mode since start (bounds how hard a client retried). */
  hits(mode: HostileMode): number;
  /** When each request of a mode arrived (ms since epoch), to show a client backing off. */
  hitTimes(mode: HostileMode): readonly number[];
  close(): Promise<void>;
}

export interface StartHostileOptions extends Partial<HostileOptions> {
  readonly port?: number;
}

/**
 * A companion server on 127.0.0.1 that misbehaves one way per path prefix:
 * `/{mode}/api/executeWorkflow` etc. Only loopback: it never binds another address.
 */
export async function startHostile(options: StartHostileOptions = {}): Promise<HostileServer> {
  const settings: HostileOptions = {
    trickleIntervalMs: options.trickleIntervalMs ?? 500,
    hugeBodyBytes: options.hugeBodyBytes ?? 50 * 1024 * 1024,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
  };
  const counts = new Map<HostileMode, number>(HOSTILE_MODES.map((m) => [m, 0]));
  const times = new Map<HostileMode, number[]>(HOSTILE_MODES.map((m) => [m, []]));
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const mode = (req.url ?? '/').split('/')[1] ?? '';
    if (!isHostileMode(mode)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `unknown hostile mode; use one of ${HOSTILE_MODES.join(', ')}` }));
      return;
    }
    counts.set(mode, (counts.get(mode) ?? 0) + 1);
    times.get(mode)?.push(Date.now());
    // Drain the request body so the client is not stuck writing it.
    req.resume();
    respond(mode, req, res, settings);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Node's default requestTimeout would eventually answer the hang mode with 408; we want silence.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const port = await listen(server, options.port ?? 0);
  const refusedPort = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    refusedUrl: `http://127.0.0.1:${refusedPort}`,
    baseUrl: (mode) => `${url}/${mode}`,
    hits: (mode) => counts.get(mode) ?? 0,
    hitTimes: (mode) => [...(times.get(mode) ?? [])],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** A port that was free a moment ago and now has no listener: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
