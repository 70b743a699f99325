import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface LoopbackServer {
  readonly baseUrl: string;
  readonly seen: SeenRequest[];
  /** A loopback port nobody listens on (for connection-refused). */
  readonly closedPort: number;
  close(): Promise<void>;
}

/**
 * The tiny deployment the conformance scripts talk to, on 127.0.0.1 only:
 * /fast → 200 "ok"; /slow?ms=N → 200 after N ms; /status/N → status N; /json → a JSON body;
 * /redirect?to=P&status=S → S (302) with Location P;
 * anything else → 404. Every request is recorded (the tests assert on what arrived).
 */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({
        method: req.method ?? '',
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = /^\/status\/(\d{3})$/.exec(url.pathname);
      if (url.pathname === '/fast') res.end('ok');
      else if (url.pathname === '/slow') {
        const timer = setTimeout(() => res.end('slow ok'), Number(url.searchParams.get('ms') ?? '1000'));
        res.on('close', () => clearTimeout(timer));
      } else if (status !== null) {
        res.statusCode = Number(status[1]);
        res.end();
      } else if (url.pathname === '/redirect') {
        res.statusCode = Number(url.searchParams.get('status') ?? '302');
        res.setHeader('location', url.searchParams.get('to') ?? '/fast');
        res.end();
      } else if (url.pathname === '/json') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ conversationId: 'c-1', output: { score: 85, items: [{ id: 'a' }] } }));
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
  });
  const baseUrl = await new Promise<string>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
  const closedPort = await new Promise<number>((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  return {
    baseUrl,
    seen,
    closedPort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
