import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { HarnessError } from '../errors/index.js';
import { readManifest } from './run-manifest.js';

/** Beside the run folders, so `reports/` is the one thing CI caches and uploads. */
export function historyFile(reportsDir: string): string {
  return join(resolve(reportsDir), 'history.sqlite');
}

/** Baselines are copied out of the run folders so pruning old runs cannot lose them. */
export function baselinesDir(reportsDir: string): string {
  return join(resolve(reportsDir), 'baselines');
}

const RUN_ID = /^\d{8}-\d{6}-[0-9a-f]{4}$/;

/** Run ids under reportsDir, oldest first (ids sort by time). */
export function listRuns(reportsDir: string): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir)
    .filter((name) => RUN_ID.test(name) && lstatSync(join(reportsDir, name)).isDirectory())
    .sort();
}

/** A run named by id, by path, or nothing / "latest" for the newest with results; returns its folder. */
export function resolveRunDir(reportsDir: string, run?: string): string {
  const candidates: string[] = [];
  if (run === undefined || run === 'latest') candidates.push(join(reportsDir, 'latest'));
  else candidates.push(isAbsolute(run) ? run : join(reportsDir, run), resolve(run));
  for (const candidate of candidates) {
    if (existsSync(candidate) && lstatSync(realpathSync(candidate)).isDirectory())
      return realpathSync(candidate);
  }
  const runs = listRuns(reportsDir);
  if (run === undefined || run === 'latest') {
    // Without the symlink: the newest run that produced results (as `latest` would point).
    const newest = [...runs]
      .reverse()
      .find((id) => readManifest(join(reportsDir, id)).status !== 'failed-to-start');
    if (newest !== undefined) return resolve(reportsDir, newest);
  }
  throw new HarnessError(
    'HARNESS_ERR_RUN_NOT_FOUND',
    `no run ${run === undefined ? '(latest)' : JSON.stringify(basename(run))} under ${reportsDir}`,
    {
      hint:
        runs.length === 0
          ? 'Run `npx harness run` first (a run that failed to start is never `latest`).'
          : `Known runs: ${runs.slice(-5).join(', ')}${runs.length > 5 ? ', …' : ''}.`,
    },
  );
}
