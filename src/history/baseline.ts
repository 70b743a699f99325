import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HarnessError } from '../errors/index.js';
import { History, type BaselineRecord } from './history-db.js';
import { baselinesDir, historyFile } from './paths.js';
import { readManifest } from './run-manifest.js';

/**
 * Marks a run as the baseline of its target+profile: copies the run folder to
 * reports/baselines/<slug>/ (raw samples included; comparisons need them) and
 * records it in the history database.
 */
export function saveBaseline(reportsDir: string, runDir: string, now: Date = new Date()): BaselineRecord {
  const manifest = readManifest(runDir);
  const slug = `${manifest.target.name}__${manifest.profile}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  const dest = join(baselinesDir(reportsDir), slug, basename(runDir));
  rmSync(join(baselinesDir(reportsDir), slug), { recursive: true, force: true });
  cpSync(runDir, dest, { recursive: true, dereference: true });
  const record: BaselineRecord = {
    target: manifest.target.name,
    profile: manifest.profile,
    runId: manifest.runId,
    path: dest,
    savedAt: now.toISOString(),
  };
  const history = new History(historyFile(reportsDir));
  try {
    history.setBaseline(record);
  } finally {
    history.close();
  }
  return record;
}

/** The saved baseline folder for the target+profile of `runDir`. */
export function findBaseline(reportsDir: string, runDir: string): BaselineRecord {
  const manifest = readManifest(runDir);
  const history = new History(historyFile(reportsDir));
  let record: BaselineRecord | undefined;
  try {
    record = history.baseline(manifest.target.name, manifest.profile);
  } finally {
    history.close();
  }
  if (record === undefined || !existsSync(record.path)) {
    throw new HarnessError(
      'HARNESS_ERR_BASELINE_MISSING',
      `no baseline saved for target ${JSON.stringify(manifest.target.name)} at profile ${manifest.profile}`,
    );
  }
  return record;
}
