import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors/index.js';
import { resolveTarget } from '../../src/target/index.js';

/**
 * Issue 6: connectTimeoutMs bounds the connect probe and is named when hit. A loopback port
 * whose owner never accepts (a child that listens with backlog 1, then blocks its event loop)
 * fills its accept queue; further SYNs are dropped, so a connect hangs until the bound.
 */
let child: ChildProcess;
let port = 0;
const fillers: Socket[] = [];

beforeAll(async () => {
  const script =
    "const s=require('node:net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{console.log(s.address().port);Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,20000);});";
  child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  port = Number(chunk.toString().trim());
  // Fill the accept queue (its length is backlog + 1 on Linux): ready once that many have connected
  // (a signal, not a sleep); the extra fillers stay pending like the probe will.
  let connected = 0;
  await new Promise<void>((resolve) => {
    for (let i = 0; i < 4; i += 1) {
      const socket = connect({ host: '127.0.0.1', port });
      socket.on('error', () => undefined);
      socket.on('connect', () => {
        connected += 1;
        if (connected === 2) resolve();
      });
      fillers.push(socket);
    }
  });
});
afterAll(() => {
  for (const socket of fillers) socket.destroy();
  child.kill('SIGKILL');
});

describe('connectTimeoutMs', () => {
  it('a port that never completes the handshake: HARNESS_ERR_TARGET_UNREACHABLE after the bound, naming it', async () => {
    const started = Date.now();
    const error = await resolveTarget(
      { target: `http://127.0.0.1:${port}`, timeScale: 0.02, faults: [], connectTimeoutMs: 700 },
      { env: { HARNESS_API_KEY: 'connect-bound-key-1' } },
    ).catch((e: unknown) => e);
    const ms = Date.now() - started;
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_TARGET_UNREACHABLE');
    const text = isHarnessError(error) ? error.format() : String(error);
    expect(text).toContain(
      'no connection within 700 ms (connectTimeoutMs; raise with --connect-timeout or HARNESS_CONNECT_TIMEOUT_MS)',
    );
    expect(text).toMatch(/hint: .*--connect-timeout/);
    // The bound it states (a timer never fires early); the slack over it only absorbs a loaded machine.
    expect(ms).toBeGreaterThanOrEqual(690);
    expect(ms).toBeLessThan(700 + 10_000);
  });
});
