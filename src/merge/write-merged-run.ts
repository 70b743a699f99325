import { copyFileSync, linkSync } from 'node:fs';
import { join } from 'node:path';
import { thresholdsJunit } from '../load/junit.js';
import { thresholdLines } from '../load/threshold-lines.js';
import { type RunDir, createRunDir } from '../run/index.js';
import type { LoadRun } from '../types/generated/load-run.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import { mergeShards, shardLines } from './merge-shards.js';

export interface MergeRunOptions {
  readonly reportsDir: string;
  /** The engine the shards ran (not recorded in a shard folder); k6 unless told. */
  readonly engine?: 'k6' | 'local';
  readonly exactLimit?: number;
  readonly log?: (line: string) => void;
}

export interface MergeRunResult {
  readonly exitCode: number;
  readonly runDir: RunDir;
  readonly run: LoadRun;
  readonly summary: LoadSummary;
}

const PROFILES = ['smoke', 'load', 'stress', 'soak', 'nightly'] as const;

/**
 * Puts a shard's raw samples in the (already created) run folder as samples-<i>.json.gz — a hard
 * link when the file system allows, no copy of a large file — where the report and
 * `harness compare` read them.
 */
export function linkSamples(runDir: RunDir, index: number, file: string): string {
  const name = `samples-${index}.json.gz`;
  const to = join(runDir.path, name);
  try {
    linkSync(file, to);
  } catch {
    copyFileSync(file, to); // another file system, or links not allowed
  }
  return name;
}

/**
 * `harness merge`: one run folder (reports/<run-id>/) from shard folders — load-summary.json,
 * load-run.json (with `shards`), load.junit.xml and the shards' samples — with one verdict:
 * exit 99 when a threshold judged on the merged data is crossed (or nothing was answered).
 */
export async function mergeRun(dirs: readonly string[], options: MergeRunOptions): Promise<MergeRunResult> {
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const startedAt = new Date();
  const engine = options.engine ?? 'k6';
  const merged = await mergeShards(dirs, {
    engine: { kind: engine, version: null },
    ...(options.exactLimit === undefined ? {} : { exactLimit: options.exactLimit }),
  });
  const { summary, record } = merged;
  for (const line of shardLines(record)) log(line);
  for (const line of thresholdLines(summary.thresholds)) log(line);
  const runDir = createRunDir(options.reportsDir);
  const files: Record<string, string> = {};
  const write = (role: string, name: string, content: string): void => {
    runDir.write(name, content);
    files[role] = name;
  };
  write('summary', 'load-summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  merged.shards.forEach((s, i) => {
    files[`samples-${i}`] = linkSamples(runDir, i, s.samples);
  });
  const answered = summary.metrics.find((m) => m.name === 'http_reqs')?.values.count ?? 0;
  const crossed = summary.thresholds.some((t) => !t.ok);
  const exitCode = crossed || answered === 0 ? 99 : 0;
  const finishedAt = new Date();
  const first = merged.shards[0].manifest;
  write(
    'junit',
    'load.junit.xml',
    thresholdsJunit(
      `merge ${first.scenario} (${record.count} shards)`,
      summary.thresholds,
      [],
      summary.durationMs / 1000,
    ),
  );
  files.run = 'load-run.json';
  const profile = PROFILES.find((p) => p === first.profile) ?? 'load';
  const run: LoadRun = {
    runId: runDir.id,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    engine: {
      kind: engine,
      requested: engine,
      reason: `harness merge of ${record.count} shard(s); a shard folder does not record its engine (--engine)`,
    },
    target: {
      name: first.target?.name ?? '(not recorded)',
      baseUrl: first.target?.baseUrl ?? '',
      embedded: false,
    },
    profile,
    scenarios: [first.scenario],
    exitCode,
    thresholdsPassed: exitCode === 0,
    thresholds: summary.thresholds,
    shards: record,
    files,
  };
  runDir.write('load-run.json', `${JSON.stringify(run, null, 2)}\n`);
  if (answered === 0) log('merge: no request was answered in any shard (http_reqs = 0): exit 99');
  log(
    `merge: exit ${exitCode}${crossed ? ' (thresholds crossed on the merged data)' : ''}; results in ${runDir.path}`,
  );
  return { exitCode, runDir, run, summary };
}
