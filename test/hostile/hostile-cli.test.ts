import { once } from 'node:events';
import { connect } from 'node:net';
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
      // A request the hang mode never answers must not keep the server from stopping. One kept-alive
      // connection: its first answer (429) proves the server accepted it (readiness by signal, not a
      // sleep, and the test cannot pass on a connection that never happened); then the hang request.
      const socket = connect({ host: '127.0.0.1', port: Number(new URL(base).port) });
      socket.setEncoding('utf8');
      let received = '';
      socket.on('data', (chunk: string) => (received += chunk));
      const closed = once(socket, 'close');
      const request = (path: string): string =>
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`;
      socket.write(request('/rate-limited-retry-after/api/executeWorkflow'));
      while (!/^HTTP\/1\.1 429 [\s\S]*\r\n\r\n/.test(received)) await once(socket, 'data');
      await new Promise<void>((resolve) =>
        socket.write(request('/hang/api/executeWorkflow'), () => resolve()),
      );
      const stopAt = performance.now();
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      // Stopping closed the hanging connection without answering it.
      await closed;
      expect(received.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 429']);
      // A hang would fail this; the slack over "at once" only absorbs a loaded machine.
      expect(performance.now() - stopAt).toBeLessThan(10_000);
    } finally {
      clearTimeout(guard);
      kill();
    }
  });
});
