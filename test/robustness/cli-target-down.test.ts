import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostile, type HostileServer } from '../../src/hostile/index.js';

/**
 * Issue 6, as a user sees it: `harness verify|load|run --target <url>` with the deployment down
 * exits 2 within seconds, printing HARNESS_ERR_TARGET_UNREACHABLE and a hint — no stack trace,
 * no key, no hang.
 */
const KEY = 'cli-down-canary-key-77aa';
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostile();
});
const reportsDir = `/tmp/harness-cli-down-${process.pid}`;
afterAll(async () => {
  await hostile.close();
  rmSync(reportsDir, { recursive: true, force: true });
});

function harness(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/harness.mjs', ...args],
      { env: { ...process.env, HARNESS_API_KEY: KEY }, timeout: 30_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
          stdout,
          stderr,
          ms: Date.now() - started,
        });
      },
    );
  });
}

describe('CLI against a target that is down at start', () => {
  it.each([['verify'], ['load', '--engine', 'local'], ['run', '--engine', 'local']])(
    'harness %s → exit 2, HARNESS_ERR_TARGET_UNREACHABLE, within seconds',
    async (command, ...rest) => {
      const out = await harness([
        command,
        '--target',
        hostile.refusedUrl,
        '--reports-dir',
        reportsDir,
        ...rest,
      ]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^HARNESS_ERR_TARGET_UNREACHABLE: .*ECONNREFUSED/m);
      expect(out.stderr).toMatch(/^\s+hint: /m);
      expect(out.stderr).not.toMatch(/\n\s+at /);
      expect(out.stdout + out.stderr).not.toContain(KEY);
      // Node start-up plus tsx is most of this; the refusal itself is immediate.
      expect(out.ms).toBeLessThan(20_000);
    },
  );
});
