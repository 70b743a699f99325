import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/harness.mjs', import.meta.url).pathname;

describe('harness hostile', () => {
  it('prints every mode URL, misbehaves there (429 + Retry-After, hang), and stops on SIGTERM with a hanging request open', async () => {
    const child = spawn(process.execPath, [BIN, 'hostile', '--port', '0', '--retry-after', '7'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      while (!/Ctrl-C/.test(out)) {
        const [chunk] = (await once(child.stdout, 'data')) as [string];
        out += chunk;
      }
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
      expect(base).not.toBe('');
      for (const mode of ['hang', 'reset', 'rate-limited-retry-after', 'redirect-loop']) expect(out).toContain(`${base}/${mode}`);
      expect(out).toMatch(/http:\/\/127\.0\.0\.1:\d+ {2}\(connection refused/);
      const limited = await fetch(`${base}/rate-limited-retry-after/api/executeWorkflow`, { method: 'POST', body: '{}' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      // A request the hang mode never answers must not keep the server from stopping.
      const hanging = fetch(`${base}/hang/api/executeWorkflow`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopAt = performance.now();
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(performance.now() - stopAt).toBeLessThan(3000);
      expect(await hanging).toBeInstanceOf(Error);
    } finally {
      clearTimeout(kill);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
