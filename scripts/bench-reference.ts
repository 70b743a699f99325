/**
 * `npm run bench:reference` (not a test): the reference's executeWorkflow on the fast
 * workflow vs a raw node:http server returning the same payload, same autocannon
 * settings, side by side in one run; then the server's RSS after 100k stored
 * conversations, with the default retention and with a small one.
 *
 * Each server runs in its own child process (this script with --serve), so the load
 * generator does not share an event loop with it. The reference runs at time scale
 * 0.001 so the fast workflow's ~3 ms becomes ~3 µs: the comparison measures server
 * overhead (auth, validation, conversation store, timers), not the simulated work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CONNECTIONS = 32;
const DURATION_S = 10;
const CONVERSATIONS = 100_000;
const BODY = JSON.stringify({ workflowId: '12345', version: 1, input: { 'First Name': 'John', Age: 30 } });
const PAYLOAD =
  '{"conversationId":"3e6d2d1e-8a44-4856-a9b9-dfc220df07f6","output":{"Analysis Results":"Detailed findings for John (age 30): risk elevated","Risk Score":57},"creditUsage":10}';

interface Served {
  url: string;
  key: string;
}

async function serve(kind: string, retention: number): Promise<void> {
  let served: Served;
  if (kind === 'raw') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(PAYLOAD),
        });
        res.end(PAYLOAD);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    served = {
      url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
      key: 'unused',
    };
  } else {
    const { startReference } = await import('../reference/index.js');
    const ref = await startReference({ timeScale: 0.001, retention, seed: 1 });
    served = { url: ref.url, key: ref.keys.full };
  }
  // The parent asks for memory over IPC: after a full GC, so heap numbers show what is really retained.
  process.on('message', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.send?.({ rss: m.rss, heapUsed: m.heapUsed });
  });
  process.stdout.write(`${JSON.stringify(served)}\n`);
}

function memoryOf(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as { rss: number; heapUsed: number }));
    child.send('mem');
  });
}

function startChild(
  kind: string,
  retention = CONVERSATIONS * 2,
): Promise<{ child: ChildProcess; served: Served }> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', kind, String(retention)],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve({ child, served: JSON.parse(chunk.toString('utf8')) as Served }),
    );
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${String(code)}`)));
  });
}

async function load(
  served: Served,
  options: { duration?: number; amount?: number },
): Promise<autocannon.Result> {
  return autocannon({
    url: `${served.url}/api/executeWorkflow`,
    method: 'POST',
    connections: CONNECTIONS,
    body: BODY,
    headers: { 'content-type': 'application/json', 'x-api-key': served.key },
    ...options,
  });
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? Number.NaN : Number(match[1]) / 1024;
}

async function throughput(): Promise<void> {
  const rows: Array<{ name: string; result: autocannon.Result }> = [];
  for (const kind of ['raw', 'reference']) {
    const { child, served } = await startChild(kind);
    await load(served, { duration: 2 }); // warm-up (JIT, validators, connection pool)
    rows.push({
      name: kind === 'raw' ? 'raw node:http' : 'reference (fastify)',
      result: await load(served, { duration: DURATION_S }),
    });
    child.kill();
  }
  const [raw, ref] = rows.map((r) => r.result);
  process.stdout.write(
    `\nexecuteWorkflow, fast workflow: ${CONNECTIONS} connections, ${DURATION_S} s each (after a 2 s warm-up), ${new Date().toISOString()}\n`,
  );
  process.stdout.write(
    '| server | req/s (mean) | p50 ms | p99 ms | non-2xx | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |\n',
  );
  for (const { name, result } of rows) {
    process.stdout.write(
      `| ${name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} | ${result.errors} |\n`,
    );
  }
  if (raw !== undefined && ref !== undefined) {
    const ratio = ref.requests.average / raw.requests.average;
    process.stdout.write(
      `| ratio reference / raw | ${ratio.toFixed(2)}× (target ≥ 0.70×: ${ratio >= 0.7 ? 'met' : 'NOT met'}) | | p99 ${(ref.latency.p99 / Math.max(raw.latency.p99, 1)).toFixed(2)}× | | |\n`,
    );
  }
}

async function memory(): Promise<void> {
  process.stdout.write(
    `\nServer RSS after ${CONVERSATIONS.toLocaleString('en')} executions (each a new conversation)\n`,
  );
  process.stdout.write(
    '| retention | RSS at start MB | RSS after MB | heap after GC MB | conversations kept |\n| ---: | ---: | ---: | ---: | ---: |\n',
  );
  for (const retention of [100_000, 10_000]) {
    const { child, served } = await startChild('reference', retention);
    const before = rssMb(child.pid ?? 0);
    const result = await load(served, { amount: CONVERSATIONS });
    const after = rssMb(child.pid ?? 0);
    const mem = await memoryOf(child);
    const info = (await (await fetch(`${served.url}/__reference/info`)).json()) as { conversations: number };
    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
    process.stdout.write(
      `| ${retention.toLocaleString('en')} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${mb(mem.heapUsed)} | ${info.conversations.toLocaleString('en')} (${result.non2xx} non-2xx) |\n`,
    );
    child.kill();
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt !== -1) {
  await serve(process.argv[serveAt + 1] ?? 'raw', Number(process.argv[serveAt + 2] ?? CONVERSATIONS));
} else {
  await throughput();
  await memory();
}
