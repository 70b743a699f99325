import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContractValidator } from '../contract/index.js';
import { HarnessError } from '../errors/index.js';
import { type ClassicSummaryData, isClassicSummaryData } from '../load/build-load-summary.js';
import type { ShardManifest } from '../types/generated/shard-manifest.js';

/** The files of a shard folder (SHARDS.md). */
export const SHARD_FILES = {
  manifest: 'shard.json',
  summary: 'summary-data.json',
  samples: 'samples.json.gz',
} as const;

/** One shard folder, read and validated. */
export interface Shard {
  readonly dir: string;
  readonly manifest: ShardManifest;
  readonly data: ClassicSummaryData;
  readonly samples: string;
}

const invalid = (message: string): HarnessError =>
  new HarnessError('HARNESS_ERR_SHARD_INVALID', message, {
    hint: 'Pass shard folders (shard.json, summary-data.json, samples.json.gz; see SHARDS.md) or `harness load --shards N` run folders.',
  });

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(
      `${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A run folder of `harness load --shards N` holds its shards as shards/0, shards/1, …; a shard folder is itself. */
export function shardFolders(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw invalid(`${dir} is not a folder`);
  if (existsSync(join(dir, SHARD_FILES.manifest))) return [dir];
  const nested = join(dir, 'shards');
  if (existsSync(nested) && statSync(nested).isDirectory()) {
    const names = readdirSync(nested)
      .filter((n) => /^\d+$/.test(n))
      .sort((a, b) => Number(a) - Number(b));
    if (names.length > 0) return names.map((n) => join(nested, n));
  }
  throw invalid(`${dir} holds neither ${SHARD_FILES.manifest} nor shards/<i>/ folders`);
}

export function readShard(dir: string, validator = new ContractValidator()): Shard {
  const manifestFile = join(dir, SHARD_FILES.manifest);
  if (!existsSync(manifestFile)) throw invalid(`${dir} has no ${SHARD_FILES.manifest}`);
  const manifest = readJsonFile(manifestFile);
  const { valid, errors } = validator.validate('shard-manifest.schema.json', manifest);
  if (!valid)
    throw invalid(
      `${manifestFile} does not match schemas/shard-manifest.schema.json: ${errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')}`,
    );
  const summaryFile = join(dir, SHARD_FILES.summary);
  if (!existsSync(summaryFile))
    throw invalid(
      `${dir} has no ${SHARD_FILES.summary} (the shard's end-of-test summary, HARNESS_SUMMARY_OUT)`,
    );
  const data = readJsonFile(summaryFile);
  if (!isClassicSummaryData(data))
    throw invalid(`${summaryFile} is not k6's handleSummary data (no metrics with values)`);
  const samples = join(dir, SHARD_FILES.samples);
  if (!existsSync(samples))
    throw invalid(`${dir} has no ${SHARD_FILES.samples} (the shard's raw samples, --out json=)`);
  return { dir: realpathSync(dir), manifest: manifest as ShardManifest, data, samples };
}

/**
 * Every shard of the folders given, read, and checked to be one test: the same bundle (bundleId,
 * scenario), the same testId and segment sequence; the same folder twice is a duplicate.
 */
export function readShards(dirs: readonly string[]): Shard[] {
  if (dirs.length === 0) throw invalid('no folder given');
  const validator = new ContractValidator();
  const shards: Shard[] = [];
  for (const dir of dirs.flatMap(shardFolders)) {
    const shard = readShard(dir, validator);
    const same = shards.find((s) => s.dir === shard.dir);
    if (same !== undefined)
      throw new HarnessError('HARNESS_ERR_SHARD_DUPLICATE', `the shard folder ${shard.dir} was given twice`, {
        details: { dir: shard.dir },
      });
    shards.push(shard);
  }
  const first = shards[0];
  for (const shard of shards.slice(1)) {
    const a = first.manifest;
    const b = shard.manifest;
    if (a.bundleId !== b.bundleId || a.scenario !== b.scenario)
      throw new HarnessError(
        'HARNESS_ERR_SHARD_OTHER_BUNDLE',
        `${shard.dir} ran bundle ${b.scenario}@${b.bundleId}, ${first.dir} ran ${a.scenario}@${a.bundleId}`,
        { details: { bundleIds: [a.bundleId, b.bundleId], scenarios: [a.scenario, b.scenario] } },
      );
    if (a.testId !== b.testId)
      throw new HarnessError(
        'HARNESS_ERR_SHARD_OTHER_TEST',
        `${shard.dir} belongs to test ${JSON.stringify(b.testId)}, ${first.dir} to test ${JSON.stringify(a.testId)}`,
        { details: { testIds: [a.testId, b.testId] } },
      );
    if (a.sequence !== b.sequence)
      throw new HarnessError(
        'HARNESS_ERR_SHARD_OTHER_TEST',
        `${shard.dir} ran in the segment sequence ${JSON.stringify(b.sequence)}, ${first.dir} in ${JSON.stringify(a.sequence)}: not one test`,
        { details: { sequences: [a.sequence, b.sequence] } },
      );
  }
  return shards;
}
