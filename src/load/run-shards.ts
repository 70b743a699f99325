import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyAggregates, readAggregates, type RunAggregates } from '../compare/index.js';
import { KEPT_METRICS } from './read-results.js';
import { splitEvenly } from '../engine/index.js';
import { isHarnessError } from '../errors/index.js';
import { budgetRewrite, linkSamples, mergeShards, SHARD_FILES, type ShardsRecord } from '../merge/index.js';
import type { RunDir } from '../run/index.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import type { LoadRun } from '../types/generated/load-run.js';
import type { Budget } from './credit-budget.js';
import { type EngineExit, type EngineRun, runEngine } from './run-engine.js';
import type { EngineChoice } from './select-engine.js';

type Failure = NonNullable<LoadRun['failures']>[number];

/** The budget of one of n equal shards: each stops at its share, so together they stay within the test's. */
export const shardBudget = (budget: Budget, n: number): Budget =>
  budget === 'unlimited' ? budget : Math.floor(budget / n);

export const shardDir = (runDir: RunDir, i: number): string => join(runDir.path, 'shards', String(i));

export interface ShardsExit extends EngineExit {
  readonly perShard: readonly EngineExit[];
}

/**
 * Starts n engine processes together, one equal segment each, every one writing its shard folder
 * (reports/<run-id>/shards/<i>/: samples, summary data, shard.json). The run's exit: a timeout or
 * a code other than 0/99 of any shard (an interrupt, a script error) is the run's; 99 of a shard
 * alone is not (the verdict is the merged data's).
 */
export async function runShardEngines(
  engine: EngineChoice,
  run: EngineRun & { readonly budget: Budget; readonly testId: string },
  n: number,
  runDir: RunDir,
  onOutput: (chunk: string) => void,
): Promise<ShardsExit> {
  // k6's own fractions, reduced as k6 prints them ("1/2", not "2/4"): what each shard's manifest records.
  const { segments, sequence } = splitEvenly(n);
  const perShard = await Promise.all(
    segments.map((segment, i) => {
      const dir = shardDir(runDir, i);
      mkdirSync(dir, { recursive: true });
      return runEngine(
        engine,
        {
          ...run,
          samplesOut: join(dir, SHARD_FILES.samples),
          segment,
          sequence,
          env: {
            ...run.env,
            HARNESS_SUMMARY_OUT: join(dir, SHARD_FILES.summary),
            HARNESS_SHARD_OUT: join(dir, SHARD_FILES.manifest),
            HARNESS_TEST_ID: run.testId,
            HARNESS_MAX_CREDITS: String(shardBudget(run.budget, n)),
          },
        },
        (chunk) => onOutput(chunk.replace(/^(?=.)/gm, `[shard ${i}] `)),
      );
    }),
  );
  const timedOut = perShard.some((e) => e.timedOut);
  const other = perShard.find((e) => e.code !== 0 && e.code !== 99);
  return { code: other?.code ?? 0, timedOut, perShard };
}

export interface ShardResults {
  readonly summary: LoadSummary | undefined;
  /** Every shard's raw samples streamed into one set of bounded aggregates. */
  readonly samples: RunAggregates;
  readonly record: ShardsRecord | undefined;
  readonly failure?: Failure;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Merges the shards of this run (every threshold judged on the merged data; the per-shard credit
 * budget read as the test's) and links their samples into the run folder. Shards that cannot be
 * merged (an engine stopped before writing its files) are a named failure, never a pass.
 */
export async function readShardResults(
  runDir: RunDir,
  ended: ShardsExit,
  context: { readonly engine: LoadSummary['engine']; readonly budget: Budget },
): Promise<ShardResults> {
  let merged;
  try {
    merged = await mergeShards([runDir.path], {
      engine: context.engine,
      ...(context.budget === 'unlimited' ? {} : { rewrite: budgetRewrite(context.budget) }),
    });
  } catch (error) {
    if (!isHarnessError(error)) throw error;
    const failure = { code: 'SHARDS_INCOMPLETE', message: `the shards cannot be merged: ${error.message}` };
    return {
      summary: undefined,
      samples: emptyAggregates({ keep: KEPT_METRICS }),
      record: undefined,
      failure,
      files: {},
    };
  }
  // A shard stopped at its share of the budget did not finish its part, even when the whole
  // test's spend stays within the budget: the run is not complete.
  const share = shardBudget(context.budget, ended.perShard.length);
  const stopped = merged.shards
    .map((s, i) => ({ i, ok: s.data.metrics.credits_used?.thresholds?.[`count<=${String(share)}`]?.ok }))
    .filter((s) => s.ok === false)
    .map((s) => s.i);
  const failure: Failure | undefined =
    stopped.length === 0
      ? undefined
      : {
          code: 'CREDIT_BUDGET_SPENT',
          message: `shard(s) ${stopped.join(', ')} spent their share of the credit budget (${String(share)} of ${String(context.budget)}) and were stopped before finishing their part (raise with --max-credits or HARNESS_MAX_CREDITS)`,
        };
  const files: Record<string, string> = {};
  const samples = emptyAggregates({ keep: KEPT_METRICS });
  for (const [i, shard] of merged.shards.entries()) {
    files[`samples-${i}`] = linkSamples(runDir, i, shard.samples);
    await readAggregates(shard.samples, samples);
  }
  const record: ShardsRecord = {
    ...merged.record,
    list: merged.record.list.map((s, i) => ({
      ...s,
      exitCode: ended.perShard[i]?.code ?? -1,
      timedOut: ended.perShard[i]?.timedOut ?? false,
    })),
  };
  return { summary: merged.summary, samples, record, files, ...(failure === undefined ? {} : { failure }) };
}
