import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startReference } from '../../reference/index.js';
import { SCHEMAS_DIR } from '../../src/contract/index.js';
import { buildOpenApiDocument, toYaml } from '../../src/openapi/index.js';
import { runVerify, type VerifyResult } from '../../src/verify/index.js';
import { REPO } from '../fixtures/run-cli.js';

export const PRISM_BIN = join(REPO, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

/** One violation Prism logged: on the request it forwarded, or on the response it got back. */
export interface PrismViolation {
  readonly side: 'request' | 'response';
  readonly text: string;
}

export interface PrismRun {
  readonly verify: VerifyResult;
  /** Requests Prism forwarded to the reference (its "Forwarding" log lines). */
  readonly forwarded: number;
  readonly violations: readonly PrismViolation[];
  /** Prism's log, for the assertion messages. */
  readonly log: string;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

/**
 * Prism's log lines ("[HTTP SERVER] … ✖  error     Violation: response.body …"): each violation it
 * found, told apart by the side it names (`request.*` or `response.*`).
 */
export function parsePrismViolations(log: string): PrismViolation[] {
  const violations: PrismViolation[] = [];
  for (const [, text] of log.matchAll(/Violation: (.+)$/gm)) {
    const line = (text ?? '').trim();
    violations.push({ side: line.startsWith('response') ? 'response' : 'request', text: line });
  }
  return violations;
}

/**
 * Starts the embedded reference (loopback, time scale 0.02) with `faults`, Prism in proxy mode in
 * front of it with the document exported for the reference (narrowed to its workflows unless
 * `narrow: false`), and runs `harness verify` through Prism. Prism validates both sides and logs
 * each violation; it runs without `--errors`, which would answer a violating request itself
 * (a 401/422 problem+json) instead of forwarding it: harness verify sends invalid requests on
 * purpose (its negative checks) and must see the reference's answers to them. So a request
 * violation is expected, and only response violations speak about the deployment.
 */
export async function verifyThroughPrism(
  faults: readonly string[],
  options: { narrow?: boolean } = {},
): Promise<PrismRun> {
  const dir = mkdtempSync(join(tmpdir(), 'harness-prism-'));
  const ref = await startReference({ port: 0, timeScale: 0.02, faults, seed: 7 });
  const port = await freePort();
  const document = buildOpenApiDocument(ref.profile(), {
    schemasBase: relative(dir, SCHEMAS_DIR).split('\\').join('/'),
    version: '0.0.0',
    server: { url: ref.url },
    narrow: options.narrow ?? true,
  });
  writeFileSync(join(dir, 'api.yaml'), toYaml(document));
  const args = [PRISM_BIN, 'proxy', 'api.yaml', ref.url, '--host', '127.0.0.1', '--port', String(port)];
  const prism = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const collect = (chunk: Buffer): void => {
    log += chunk.toString();
  };
  prism.stdout.on('data', collect);
  prism.stderr.on('data', collect);
  try {
    await waitFor(
      () => /Prism is listening/.test(log),
      () => prism.exitCode !== null,
      30_000,
      () => log,
    );
    const profile = { ...ref.profile(), baseUrl: `http://127.0.0.1:${port}` };
    const keys = { main: ref.keys.full, noPermission: ref.keys.noPermission, noCredits: ref.keys.noCredits };
    const target = { profile, keys, embedded: false, guessed: [], stop: () => Promise.resolve() };
    const config = {
      target: profile.baseUrl,
      timeScale: 0.02,
      faults: [...faults],
      seed: 7,
      reportsDir: dir,
    };
    const verify = await runVerify(config, target, { write: false });
    return {
      verify,
      forwarded: [...log.matchAll(/Forwarding "\w+" request to/g)].length,
      violations: parsePrismViolations(log),
      log,
    };
  } finally {
    await stop(prism);
    await ref.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SIGTERM, then SIGKILL if Prism is still there after 5 s; resolves once it has exited. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('close', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls `ready` on Prism's output (a signal, not a sleep), bounded; a process that exited is an error. */
async function waitFor(
  ready: () => boolean,
  exited: () => boolean,
  limitMs: number,
  log: () => string,
): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (exited()) throw new Error(`prism exited before listening:\n${log()}`);
    if (Date.now() - start > limitMs) throw new Error(`prism did not listen within ${limitMs} ms:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
