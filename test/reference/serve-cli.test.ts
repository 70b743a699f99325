import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BARE_URL_EXTRA_KEY_ENV, BARE_URL_KEY_ENV, bareUrlProfile } from '../../src/target/index.js';
import { spawnUntil } from '../fixtures/spawn-until.js';

const BIN = new URL('../../bin/harness.mjs', import.meta.url).pathname;

describe('harness serve', () => {
  it('prints its URL and keys, answers health and the API, and drains then exits on SIGTERM', async () => {
    const { child, out, kill } = await spawnUntil(
      ['serve', '--port', '0', '--time-scale', '0.01', '--seed', '5'],
      /Ctrl-C/,
    );
    const guard = setTimeout(kill, 30_000);
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const key = /HARNESS_API_KEY=(\S+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(key).toMatch(/^ref_[0-9a-f]{32}$/);
      // Exactly the variables a bare URL reads, so `harness verify --target <url>` works as printed.
      const exported = Object.fromEntries([...out.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
      expect(Object.keys(exported).sort()).toEqual(
        [BARE_URL_KEY_ENV, ...Object.values(BARE_URL_EXTRA_KEY_ENV)].sort(),
      );
      expect(bareUrlProfile(url ?? '', exported).extraKeys).toEqual(BARE_URL_EXTRA_KEY_ENV);
      expect(out).toContain(`harness verify --target ${url ?? ''}`);
      expect(await (await fetch(`${url}/__reference/health`)).json()).toEqual({ ok: true });
      const started = await fetch(`${url}/api/executeWorkflowBackground`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key ?? '' },
        body: JSON.stringify({ workflowId: 'slow', version: 1, input: { Task: 't', 'Target Seconds': 120 } }),
      });
      expect(started.status).toBe(200);
      let later = '';
      child.stdout?.on('data', (chunk: string) => (later += chunk));
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      // ~1.2 s of accepted background work was in flight: the process waited for it (its own account,
      // not a time window) instead of dropping it.
      expect(later).toContain(
        "stopped: 1 in-flight executions drained (finished), 0 recorded as failed ('shutdown')",
      );
      expect(out).toContain('seed 5');
    } finally {
      clearTimeout(guard);
      kill();
    }
  });

  it('--list-faults lists every fault with what it violates', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--list-faults'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(out).toContain('renamed-field');
    expect(out.match(/violates:/g)?.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses a non-loopback host and an unknown fault with exit code 2 and a HARNESS_ERR code', async () => {
    for (const [args, code] of [
      [['--host', '0.0.0.0'], 'HARNESS_ERR_REFERENCE_NOT_LOOPBACK'],
      [['--fault', 'nope'], 'HARNESS_ERR_UNKNOWN_FAULT'],
    ] as const) {
      const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const [exit] = (await once(child, 'exit')) as [number | null];
      expect(exit).toBe(2);
      expect(err).toContain(code);
    }
  });
});
