import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { type DistributeOptions, type Distribution, distribute } from '../../src/distribute/index.js';
import { bareUrlProfile } from '../../src/target/index.js';

/** A deployment only a cluster would reach: `.invalid`, never resolved (nothing is applied). */
export const CLUSTER_TARGET = 'https://workflows.staging.invalid';

export function distributeOptions(overrides: Partial<DistributeOptions> = {}): DistributeOptions {
  return {
    profile: bareUrlProfile(CLUSTER_TARGET, {}),
    config: { loadProfile: 'smoke', maxCredits: 'unlimited' },
    scenario: 'sync-latency',
    parallelism: 2,
    name: 'harness-sync-latency',
    secret: { name: 'harness-api-key', key: 'HARNESS_API_KEY' },
    resultsClaim: 'harness-results',
    outDir: mkdtempSync(join(tmpdir(), 'distribute-')),
    ...overrides,
  };
}

/** What a user's `kubectl apply -f` reads: the written files, parsed back. */
export function writtenObjects(d: Distribution): { configMap: unknown; testRun: unknown; reader: unknown } {
  const read = (file: string): unknown => load(readFileSync(file, 'utf8'));
  return { configMap: read(d.files.configMap), testRun: read(d.files.testRun), reader: read(d.files.reader) };
}

export async function distributed(overrides: Partial<DistributeOptions> = {}): Promise<Distribution> {
  return distribute(distributeOptions(overrides));
}
