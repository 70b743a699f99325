import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRuns, type ComparisonResult } from '../compare/index.js';
import { isHarnessError } from '../errors/index.js';
import {
  History,
  findBaseline,
  historyFile,
  readManifest,
  seriesOf,
  type TrendPoint,
} from '../history/index.js';
import { scrub } from '../secrets/index.js';
import { loadReportData, type ReportData } from './report-data.js';
import { renderReport } from './render-report.js';
import { historyMetrics } from './summarize-run.js';

export interface WriteReportOptions {
  /** How many past complete runs of the same series the trend shows. */
  readonly trendRuns?: number;
  readonly minEffect?: number;
  readonly seed?: number;
}

/**
 * Records the run in the history, compares it with its baseline (when one is
 * saved and is not this run) and writes reports/<run-id>/index.html through the scrubber.
 */
export async function writeReport(
  reportsDir: string,
  runDir: string,
  options: WriteReportOptions = {},
): Promise<{ file: string; data: ReportData }> {
  const manifest = readManifest(runDir);
  let data = await loadReportData(runDir);
  const history = new History(historyFile(reportsDir));
  const series = seriesOf(manifest);
  const trend: Record<string, TrendPoint[]> = {};
  try {
    history.record(
      {
        runId: manifest.runId,
        series,
        status: manifest.status,
        ...(manifest.exitCode === undefined ? {} : { exitCode: manifest.exitCode }),
        gitCommit: manifest.gitCommit ?? '',
        time: manifest.startedAt,
      },
      data.summary === undefined ? {} : historyMetrics(data.summary, data.verify),
    );
    for (const metric of history.metricNames(series).filter((n) => n.startsWith('p95{'))) {
      trend[metric] = history.trend(series, metric, options.trendRuns ?? 20);
    }
  } finally {
    history.close();
  }
  let comparisonNote: string | undefined;
  let comparison: ComparisonResult | undefined;
  try {
    const baseline = findBaseline(reportsDir, runDir);
    if (manifest.status !== 'complete')
      comparisonNote = `This run is ${manifest.status}: its partial samples are not compared with the baseline.`;
    else if (baseline.runId === manifest.runId) comparisonNote = 'This run is the baseline.';
    else if (data.samples === undefined) comparisonNote = 'This run has no raw samples to compare.';
    else
      comparison = await compareRuns(baseline.path, runDir, {
        minEffect: options.minEffect ?? 0.1,
        seed: options.seed ?? 1,
      });
  } catch (error) {
    if (!isHarnessError(error) || error.code !== 'HARNESS_ERR_BASELINE_MISSING') throw error;
    comparisonNote =
      'No baseline saved for this series (target, profile, scenarios, engine, faults) yet: save one with npx harness baseline save RUN.';
  }
  data = { ...data, trend, comparison, comparisonNote };
  const file = join(runDir, 'index.html');
  writeFileSync(file, scrub(renderReport(data)));
  return { file, data };
}
