import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { spawnUntil } from '../fixtures/spawn-until.js';

describe('harness hostile', () => {
  it('prints every mode URL, misbehaves there (429 + Retry-After, hang), and stops on SIGTERM with a hanging request open', async () => {
    const { child, out, kill } = await spawnUntil(['hostile', '--port', '0', '--retry-after', '7'], /Ctrl-C/);
    const guard = setTimeout(kill, 20_000);
    try {
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
      expect(base).not.toBe('');
      for (const mode of ['hang', 'reset', 'rate-limited-retry-after', 'redirect-loop'])
        expect(out).toContain(`${base}/${mode}`);
      expect(out).toMatch(/http:\/\/127\.0\.0\.1:\d+ {2}\(connection refused/);
      const limited = await fetch(`${base}/rate-limited-retry-after/api/executeWorkflow`, {
        method: 'POST',
        body: '{}',
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      // A request the hang mode never answers must not keep the server from stopping.
      const hanging = fetch(`${base}/hang/api/executeWorkflow`, { method: 'POST', body: '{}' }).catch(
        (e: unknown) => e,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopAt = performance.now();
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(performance.now() - stopAt).toBeLessThan(3000);
      expect(await hanging).toBeInstanceOf(Error);
    } finally {
      clearTimeout(guard);
      kill();
    }
  });
});
