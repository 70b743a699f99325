import {
  History,
  MANIFEST_FILE,
  gitCommit,
  historyFile,
  seriesOf,
  type RunManifest,
} from '../../history/index.js';
import type { RunDir, StopSignal } from '../../run/index.js';
import type { HarnessConfig } from '../../types/generated/harness-config.js';

export type JobPhase = NonNullable<RunManifest['interruption']>['phase'];

export interface ManifestFacts {
  readonly run: RunDir;
  readonly config: Readonly<HarnessConfig> & { seed: number };
  readonly startedAt: string;
  readonly harnessVersion: string;
  readonly status: RunManifest['status'];
  readonly target: { name: string; baseUrl: string; embedded: boolean };
  readonly engine?: string;
  readonly scenarios?: readonly string[];
  readonly exitCode: number;
  readonly interruption?: { signal: StopSignal; phase: JobPhase };
  readonly error?: { code: string; message: string };
}

/** run.json of the main job, whatever its outcome (schemas/run-manifest.schema.json). */
export function buildManifest(f: ManifestFacts): RunManifest {
  const commit = gitCommit();
  return {
    formatVersion: '1.0.0',
    runId: f.run.id,
    startedAt: f.startedAt,
    finishedAt: new Date().toISOString(),
    status: f.status,
    ...(f.interruption === undefined ? {} : { interruption: f.interruption }),
    ...(f.error === undefined ? {} : { error: f.error }),
    target: {
      ...f.target,
      ...(f.config.faults.length > 0 ? { faults: [...f.config.faults] } : {}),
    },
    profile: f.config.loadProfile,
    // Before the load phase the engine is only what was asked for (auto, k6, local).
    engine: f.engine ?? f.config.engine,
    ...(f.scenarios === undefined ? {} : { scenarios: [...f.scenarios].sort() }),
    seed: f.config.seed,
    timeScale: f.target.embedded ? f.config.timeScale : 1,
    harnessVersion: f.harnessVersion,
    nodeVersion: process.version,
    exitCode: f.exitCode,
    ...(commit === undefined ? {} : { gitCommit: commit }),
  };
}

/**
 * Writes run.json. It never moves reports/latest by itself: a run that measured something
 * already moved it when its first result file was written.
 */
export function writeManifest(run: RunDir, manifest: RunManifest): void {
  run.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`, { latest: false });
}

/** A run with no measurements still gets a history row, so `harness history` shows the night the target was down. */
export function recordWithoutMetrics(reportsDir: string, manifest: RunManifest): void {
  const history = new History(historyFile(reportsDir));
  try {
    history.record({
      runId: manifest.runId,
      series: seriesOf(manifest),
      status: manifest.status,
      ...(manifest.exitCode === undefined ? {} : { exitCode: manifest.exitCode }),
      gitCommit: manifest.gitCommit ?? '',
      time: manifest.startedAt,
    });
  } finally {
    history.close();
  }
}
