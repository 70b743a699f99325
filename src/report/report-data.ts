import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ComparisonResult, RunAggregates } from '../compare/index.js';
import { readRunAggregates } from '../compare/index.js';
import { readJson, readManifest, type RunManifest, type TrendPoint } from '../history/index.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import type { VerifyResult } from '../types/generated/verify-result.js';
import { summarizeSamples, type RunSummary } from './summarize-run.js';

/** Everything the page shows, gathered from one run folder plus history and comparison. */
export interface ReportData {
  readonly runDir: string;
  readonly manifest: RunManifest;
  readonly verify: VerifyResult | undefined;
  /** load-run.json: the load side's own additions (engine, detection lag, timeout classes…). */
  readonly loadRun: Record<string, unknown> | undefined;
  /** load-summary.json: the end-of-test summary, the same shape from both engines. */
  readonly loadSummary: LoadSummary | undefined;
  /** The raw samples, streamed once into bounded per-series and per-tag-set aggregates. */
  readonly samples: RunAggregates | undefined;
  readonly summary: RunSummary | undefined;
  readonly comparison: ComparisonResult | undefined;
  readonly comparisonNote: string | undefined;
  readonly trend: Readonly<Record<string, readonly TrendPoint[]>>;
}

export interface ReportExtras {
  readonly comparison?: ComparisonResult;
  /** Why there is no comparison (no baseline yet, …), shown instead of the table. */
  readonly comparisonNote?: string;
  readonly trend?: Readonly<Record<string, readonly TrendPoint[]>>;
}

export async function loadReportData(runDir: string, extras: ReportExtras = {}): Promise<ReportData> {
  const hasSamples =
    existsSync(runDir) && readdirSync(runDir).some((f) => /^samples.*\.json(\.gz)?$/.test(f));
  const samples = hasSamples ? await readRunAggregates(runDir, { reservoir: 0 }) : undefined;
  return {
    runDir,
    manifest: readManifest(runDir),
    verify: readJson<VerifyResult>(join(runDir, 'verify.json')),
    loadRun: readJson<Record<string, unknown>>(join(runDir, 'load-run.json')),
    loadSummary: readJson<LoadSummary>(join(runDir, 'load-summary.json')),
    samples,
    summary: samples === undefined ? undefined : summarizeSamples(samples),
    comparison: extras.comparison,
    comparisonNote: extras.comparisonNote,
    trend: extras.trend ?? {},
  };
}
