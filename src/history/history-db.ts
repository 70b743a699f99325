import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RunManifest } from '../types/generated/run-manifest.js';
import { seriesId, type Series } from './series.js';

export type RunStatus = RunManifest['status'];

export interface RunRecord {
  readonly runId: string;
  readonly series: Series;
  readonly status: RunStatus;
  readonly exitCode?: number;
  readonly gitCommit: string;
  /** ISO time the run started. */
  readonly time: string;
}

/** A row of `harness history`. */
export interface RunRow {
  readonly runId: string;
  readonly series: string;
  readonly target: string;
  readonly profile: string;
  readonly status: RunStatus;
  readonly exitCode: number | null;
  readonly gitCommit: string;
  readonly time: string;
}

export interface TrendPoint {
  readonly runId: string;
  readonly time: string;
  readonly gitCommit: string;
  readonly value: number;
}

export interface BaselineRecord {
  readonly series: Series;
  readonly runId: string;
  /** Where the baseline's copy of the run folder lives (stored relative to the reports folder). */
  readonly path: string;
  readonly savedAt: string;
}

// v1 tables (`metrics`, `baselines`) were keyed by target+profile only, which mixed unlike
// runs; their rows cannot be re-keyed, so they are dropped and the series start afresh
// (a nightly then saves its next healthy run as the baseline).
const SCHEMA = `
DROP TABLE IF EXISTS metrics;
DROP TABLE IF EXISTS baselines;
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, series TEXT NOT NULL, target TEXT NOT NULL, profile TEXT NOT NULL,
  status TEXT NOT NULL, exit_code INTEGER, git_commit TEXT NOT NULL, time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_series ON runs (series, time);
CREATE TABLE IF NOT EXISTS run_metrics (
  run_id TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (run_id, metric)
);
CREATE TABLE IF NOT EXISTS series_baselines (
  series TEXT PRIMARY KEY, series_json TEXT NOT NULL, run_id TEXT NOT NULL, path TEXT NOT NULL, saved_at TEXT NOT NULL
);`;

/**
 * The run history: one SQLite file (better-sqlite3, synchronous, no server): one row per
 * run (any status), its metrics, and the baseline chosen for each series. Trends read
 * complete runs only. Re-recording a run replaces its rows, so `harness report` can be re-run.
 */
export class History {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // The default rollback journal keeps the history ONE file, which CI caches and uploads as is.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  record(run: RunRecord, metrics: Readonly<Record<string, number>> = {}): void {
    const s = run.series;
    const upsert = this.db.prepare(
      'INSERT OR REPLACE INTO runs (run_id, series, target, profile, status, exit_code, git_commit, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const del = this.db.prepare('DELETE FROM run_metrics WHERE run_id = ?');
    const ins = this.db.prepare('INSERT INTO run_metrics (run_id, metric, value) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      upsert.run(
        run.runId,
        seriesId(s),
        s.target,
        s.profile,
        run.status,
        run.exitCode ?? null,
        run.gitCommit,
        run.time,
      );
      del.run(run.runId);
      for (const [metric, value] of Object.entries(metrics))
        if (Number.isFinite(value)) ins.run(run.runId, metric, value);
    })();
  }

  /** The last `limit` values of a metric in a series, complete runs only, oldest first. */
  trend(series: Series, metric: string, limit = 20): TrendPoint[] {
    const rows = this.db
      .prepare(
        `SELECT r.run_id AS runId, r.time, r.git_commit AS gitCommit, m.value FROM runs r JOIN run_metrics m ON m.run_id = r.run_id
         WHERE r.series = ? AND r.status = 'complete' AND m.metric = ? ORDER BY r.time DESC, r.run_id DESC LIMIT ?`,
      )
      .all(seriesId(series), metric, limit) as TrendPoint[];
    return rows.reverse();
  }

  /** Metric names recorded for a series. */
  metricNames(series: Series): string[] {
    const rows = this.db
      .prepare(
        'SELECT DISTINCT m.metric FROM runs r JOIN run_metrics m ON m.run_id = r.run_id WHERE r.series = ? ORDER BY m.metric',
      )
      .all(seriesId(series)) as { metric: string }[];
    return rows.map((r) => r.metric);
  }

  /** Recorded runs, newest first, optionally of one target. */
  runs(filter: { target?: string; limit?: number } = {}): RunRow[] {
    const where = filter.target === undefined ? '' : 'WHERE target = ?';
    const args: (string | number)[] = filter.target === undefined ? [] : [filter.target];
    return this.db
      .prepare(
        `SELECT run_id AS runId, series, target, profile, status, exit_code AS exitCode, git_commit AS gitCommit, time
         FROM runs ${where} ORDER BY time DESC, run_id DESC LIMIT ?`,
      )
      .all(...args, filter.limit ?? 50) as RunRow[];
  }

  setBaseline(record: BaselineRecord): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO series_baselines (series, series_json, run_id, path, saved_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(seriesId(record.series), JSON.stringify(record.series), record.runId, record.path, record.savedAt);
  }

  baseline(series: Series): BaselineRecord | undefined {
    return this.baselines().find((b) => seriesId(b.series) === seriesId(series));
  }

  baselines(): BaselineRecord[] {
    const rows = this.db
      .prepare(
        'SELECT series_json AS json, run_id AS runId, path, saved_at AS savedAt FROM series_baselines ORDER BY series',
      )
      .all() as { json: string; runId: string; path: string; savedAt: string }[];
    return rows.map((r) => ({
      series: JSON.parse(r.json) as Series,
      runId: r.runId,
      path: r.path,
      savedAt: r.savedAt,
    }));
  }

  /** Forgets a series' baseline; true when there was one. */
  deleteBaseline(series: Series): boolean {
    return this.db.prepare('DELETE FROM series_baselines WHERE series = ?').run(seriesId(series)).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}
