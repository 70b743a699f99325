import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/merge/index.js';
import { durations, writeShard, type ShardSpec } from './fixture-shards.js';

// A set of shards that is not one whole test is refused before anything is merged, each way with
// its own code; the same set made whole merges (the clean case beside each refusal).
const root = mkdtempSync(join(tmpdir(), 'merge-refusals-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const shard = (spec: Partial<ShardSpec> & Pick<ShardSpec, 'segment'>): string =>
  writeShard(join(root, `shard-${(n += 1)}`), { durations: durations(5, n), sequence: '0,1/2,1', ...spec });
const merge = (dirs: string[]) => mergeShards(dirs, { engine: { kind: 'k6', version: null } });
const code = async (dirs: string[]): Promise<string | undefined> =>
  merge(dirs).then(
    () => undefined,
    (e: unknown) => (e as { code?: string }).code,
  );

describe('harness merge refuses shards that are not one whole test', () => {
  const first = shard({ segment: '0:1/2' });
  const second = shard({ segment: '1/2:1' });

  it('merges the whole test (clean case)', async () => {
    const merged = await merge([second, first]);
    expect(merged.record.list.map((s) => s.segment)).toEqual(['0:1/2', '1/2:1']);
  });

  it('a missing shard: HARNESS_ERR_SHARD_MISSING, naming the uncovered part', async () => {
    await expect(merge([first])).rejects.toMatchObject({
      code: 'HARNESS_ERR_SHARD_MISSING',
      message: expect.stringContaining('1/2:1') as unknown,
    });
    await expect(merge([second])).rejects.toMatchObject({
      code: 'HARNESS_ERR_SHARD_MISSING',
      message: expect.stringContaining('0:1/2') as unknown,
    });
    const third = [shard({ segment: '0:1/3', sequence: null }), shard({ segment: '2/3:1', sequence: null })];
    await expect(merge(third)).rejects.toMatchObject({ details: { uncovered: '1/3:2/3' } });
  });

  it('a duplicated shard: HARNESS_ERR_SHARD_DUPLICATE (same segment, overlap, same folder twice)', async () => {
    expect(await code([first, second, shard({ segment: '1/2:1' })])).toBe('HARNESS_ERR_SHARD_DUPLICATE');
    expect(await code([first, second, first])).toBe('HARNESS_ERR_SHARD_DUPLICATE');
    const overlap = [
      shard({ segment: '0:2/3', sequence: null }),
      shard({ segment: '1/2:1', sequence: null }),
    ];
    expect(await code(overlap)).toBe('HARNESS_ERR_SHARD_DUPLICATE');
  });

  it('a shard of another test: HARNESS_ERR_SHARD_OTHER_TEST (testId, or segment sequence)', async () => {
    expect(await code([first, shard({ segment: '1/2:1', testId: 'test-2' })])).toBe(
      'HARNESS_ERR_SHARD_OTHER_TEST',
    );
    expect(await code([first, shard({ segment: '1/2:1', testId: null })])).toBe(
      'HARNESS_ERR_SHARD_OTHER_TEST',
    );
    expect(await code([first, shard({ segment: '1/2:1', sequence: '0,1/2,3/4,1' })])).toBe(
      'HARNESS_ERR_SHARD_OTHER_TEST',
    );
  });

  it('a shard of another bundle: HARNESS_ERR_SHARD_OTHER_BUNDLE (bundleId, or scenario)', async () => {
    expect(await code([first, shard({ segment: '1/2:1', bundleId: 'ffffffffffffffff' })])).toBe(
      'HARNESS_ERR_SHARD_OTHER_BUNDLE',
    );
    expect(await code([first, shard({ segment: '1/2:1', scenario: 'mixed' })])).toBe(
      'HARNESS_ERR_SHARD_OTHER_BUNDLE',
    );
  });

  it('a folder that is no shard: HARNESS_ERR_SHARD_INVALID', async () => {
    expect(await code([root])).toBe('HARNESS_ERR_SHARD_INVALID');
    expect(await code([join(root, 'nowhere')])).toBe('HARNESS_ERR_SHARD_INVALID');
    expect(await code([])).toBe('HARNESS_ERR_SHARD_INVALID');
    const bad = shard({ segment: '0:1' });
    writeFileSync(join(bad, 'shard.json'), JSON.stringify({ schemaVersion: 2, segment: '0:1' }));
    await expect(merge([bad])).rejects.toMatchObject({
      code: 'HARNESS_ERR_SHARD_INVALID',
      message: expect.stringContaining('shard-manifest.schema.json') as unknown,
    });
    const torn = shard({ segment: '0:1' });
    writeFileSync(join(torn, 'summary-data.json'), '{"metrics":');
    expect(await code([torn])).toBe('HARNESS_ERR_SHARD_INVALID');
  });
});
