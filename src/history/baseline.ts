import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { HarnessError } from '../errors/index.js';
import { History, type BaselineRecord } from './history-db.js';
import { baselinesDir, historyFile } from './paths.js';
import { baselineObjection, readManifest } from './run-manifest.js';
import { seriesId, seriesOf, seriesSlug, type Series } from './series.js';

function withHistory<T>(reportsDir: string, use: (h: History) => T): T {
  const history = new History(historyFile(reportsDir));
  try {
    return use(history);
  } finally {
    history.close();
  }
}

/**
 * Marks a run as the baseline of its series: copies the run folder to
 * reports/baselines/<slug>/ (raw samples included; comparisons need them) and records it in
 * the history database. Only a complete run that passed may become one.
 */
export function saveBaseline(reportsDir: string, runDir: string, now: Date = new Date()): BaselineRecord {
  const manifest = readManifest(runDir);
  const objection = baselineObjection(manifest);
  if (objection !== undefined)
    throw new HarnessError(
      'HARNESS_ERR_BASELINE_REFUSED',
      `run ${manifest.runId} cannot be a baseline: ${objection}`,
    );
  const series = seriesOf(manifest);
  const slugDir = join(baselinesDir(reportsDir), seriesSlug(series));
  const dest = join(slugDir, basename(runDir));
  rmSync(slugDir, { recursive: true, force: true });
  cpSync(runDir, dest, { recursive: true, dereference: true });
  const record: BaselineRecord = { series, runId: manifest.runId, path: dest, savedAt: now.toISOString() };
  // Stored relative to the reports folder: CI restores it from a cache into another checkout.
  withHistory(reportsDir, (h) => h.setBaseline({ ...record, path: relative(resolve(reportsDir), dest) }));
  return record;
}

const located = (reportsDir: string, b: BaselineRecord): BaselineRecord =>
  isAbsolute(b.path) ? b : { ...b, path: resolve(reportsDir, b.path) };

/** The saved baseline of a series, if its copy still exists. */
export function baselineOf(reportsDir: string, series: Series): BaselineRecord | undefined {
  const record = withHistory(reportsDir, (h) => h.baseline(series));
  return record !== undefined && existsSync(located(reportsDir, record).path)
    ? located(reportsDir, record)
    : undefined;
}

/** The saved baseline for the series of `runDir`; HARNESS_ERR_BASELINE_MISSING when none. */
export function findBaseline(reportsDir: string, runDir: string): BaselineRecord {
  const series = seriesOf(readManifest(runDir));
  const record = baselineOf(reportsDir, series);
  if (record === undefined)
    throw new HarnessError('HARNESS_ERR_BASELINE_MISSING', `no baseline saved for ${seriesId(series)}`);
  return record;
}

export function listBaselines(reportsDir: string): BaselineRecord[] {
  return withHistory(reportsDir, (h) => h.baselines()).map((b) => located(reportsDir, b));
}

/** Forgets the series' baseline and removes its copy; false when there was none. */
export function deleteBaseline(reportsDir: string, series: Series): boolean {
  const record = baselineOf(reportsDir, series);
  const deleted = withHistory(reportsDir, (h) => h.deleteBaseline(series));
  if (record !== undefined) rmSync(dirname(record.path), { recursive: true, force: true });
  return deleted;
}
