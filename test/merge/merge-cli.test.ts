import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { durations, writeShard } from './fixture-shards.js';

// `harness merge` as a user runs it: the console says how many shards and how the percentiles
// were computed, the report has the shards' table, the exit code is the merged verdict's.
const root = mkdtempSync(join(tmpdir(), 'merge-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const shards = (name: string, limit: number): string[] =>
  ['0:1/2', '1/2:1'].map((segment, i) =>
    writeShard(join(root, name, String(i)), {
      segment,
      durations: durations(30, i + 1),
      thresholds: { iterations: { [`count<${limit}`]: true } },
    }),
  );

describe('harness merge (CLI)', () => {
  it('exits 99 when only the merged data crosses a threshold, 0 when it holds, 2 when refused', async () => {
    const reports = join(root, 'reports');
    const crossed = await runCli(['merge', ...shards('crossed', 45), '--reports-dir', reports], {});
    expect(crossed.stdout).toContain('shards: 2 merged');
    expect(crossed.stdout).toContain('shard 1 segment 1/2:1: 30 iterations, 30 requests');
    expect(crossed.stdout).toContain('percentiles: exact');
    expect(crossed.stdout).toMatch(/✗ CROSSED iterations count<45 +measured count = 60/);
    expect(crossed.code).toBe(99);
    const html = readFileSync(join(reports, 'latest', 'index.html'), 'utf8');
    expect(html).toContain('Shards (2 engine processes, one verdict)');
    expect(html).toContain('<td>1/2:1</td><td>30</td>');

    const held = await runCli(['merge', ...shards('held', 61), '--reports-dir', reports, '--no-report'], {});
    expect(held.code).toBe(0);
    expect(existsSync(join(reports, 'latest', 'index.html'))).toBe(false);

    const refused = await runCli(['merge', shards('alone', 61)[0], '--reports-dir', reports], {});
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('HARNESS_ERR_SHARD_MISSING');
  }, 120_000);
});
