import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Issue 6: memory stays bounded under a soak with a small retention limit. Runs the short
 * version of scripts/soak-reference.ts in its own process (so RSS is the reference's and the
 * load's alone, not vitest's), prints its RSS-over-time table, and checks its summary.
 * The long version: `npx tsx scripts/soak-reference.ts --seconds 600`.
 */
const run = promisify(execFile);
const RETENTION = 200;

describe('reference soak (short)', () => {
  it('keeps at most `retention` conversations and RSS growth bounded; prints RSS over time', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/soak-reference.ts',
        '--seconds',
        '10',
        '--retention',
        String(RETENTION),
        '--interval-ms',
        '1000',
        '--concurrency',
        '8',
      ],
      {
        timeout: 60_000,
        encoding: 'utf8',
      },
    );
    console.log(stdout);
    const line = stdout.split('\n').find((l) => l.startsWith('SOAK '));
    expect(line, 'the soak printed its summary line').toBeDefined();
    const summary = JSON.parse((line ?? '').slice('SOAK '.length)) as {
      requests: number;
      transportErrors: number;
      maxStored: number;
      peakRssMb: number;
      growthAfterWarmupMb: number;
      statuses: Record<string, number>;
    };
    // Enough traffic that eviction had to work several times over.
    expect(summary.requests).toBeGreaterThan(RETENTION * 3);
    expect(summary.transportErrors).toBe(0);
    expect(Object.keys(summary.statuses)).toEqual(['200']);
    expect(summary.maxStored).toBeLessThanOrEqual(RETENTION);
    // Loose on purpose (2 shared cores, GC timing): a leak of whole conversations grows far faster.
    expect(summary.peakRssMb).toBeLessThan(400);
  });
});
