import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectEngine } from '../../src/load/index.js';

/** Issue 6: `k6 version` is bounded; a K6_BIN that never answers is named with the bound, not waited on. */
const dir = mkdtempSync(join(tmpdir(), 'hung-k6-'));
const bin = join(dir, 'k6');
// A Node script (absolute interpreter: PATH is emptied below) that never prints and never exits.
writeFileSync(bin, `#!${process.execPath}\nsetTimeout(() => undefined, 30_000);\n`);
chmodSync(bin, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine version check bound', () => {
  it('a hung K6_BIN: --engine k6 fails within the bound, naming requestTimeoutMs and how to raise it', () => {
    const started = Date.now();
    const run = (): unknown => selectEngine('k6', { PATH: '/nonexistent', K6_BIN: bin }, 400);
    expect(run).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_K6_UNAVAILABLE',
        message: expect.stringContaining(
          'no answer within 400 ms (requestTimeoutMs; raise with --request-timeout or HARNESS_REQUEST_TIMEOUT_MS)',
        ) as string,
      }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('auto with a hung K6_BIN falls back to the local engine and says why', () => {
    expect(selectEngine('auto', { PATH: '/nonexistent', K6_BIN: bin }, 300)).toMatchObject({
      kind: 'local',
      reason: expect.stringContaining('no answer within 300 ms') as string,
    });
  });
});
