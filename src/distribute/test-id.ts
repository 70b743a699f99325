import { randomBytes } from 'node:crypto';

/**
 * One id for all runners of a distributed test (HARNESS_TEST_ID, shard.json's testId, the folder
 * on the results claim): UTC time and 8 random hex digits, safe as a path and a label value.
 */
export function newTestId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}
