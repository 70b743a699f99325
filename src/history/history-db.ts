import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface RunRecord {
  readonly runId: string;
  readonly target: string;
  readonly profile: string;
  readonly gitCommit: string;
  /** ISO time the run started. */
  readonly time: string;
}

export interface TrendPoint {
  readonly runId: string;
  readonly time: string;
  readonly gitCommit: string;
  readonly value: number;
}

export interface BaselineRecord {
  readonly target: string;
  readonly profile: string;
  readonly runId: string;
  /** Where the baseline's copy of the run folder lives. */
  readonly path: string;
  readonly savedAt: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS metrics (
  run_id TEXT NOT NULL, target TEXT NOT NULL, profile TEXT NOT NULL, git_commit TEXT NOT NULL,
  time TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL,
  PRIMARY KEY (run_id, metric)
);
CREATE INDEX IF NOT EXISTS metrics_series ON metrics (target, profile, metric, time);
CREATE TABLE IF NOT EXISTS baselines (
  target TEXT NOT NULL, profile TEXT NOT NULL, run_id TEXT NOT NULL, path TEXT NOT NULL, saved_at TEXT NOT NULL,
  PRIMARY KEY (target, profile)
);`;

/**
 * The run history: one SQLite file (better-sqlite3, synchronous, no server), one
 * row per run per metric, plus the baseline chosen for each target+profile.
 * Re-recording a run replaces its rows, so `harness report` can be re-run freely.
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

  record(run: RunRecord, metrics: Readonly<Record<string, number>>): void {
    const del = this.db.prepare('DELETE FROM metrics WHERE run_id = ?');
    const ins = this.db.prepare(
      'INSERT INTO metrics (run_id, target, profile, git_commit, time, metric, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      del.run(run.runId);
      for (const [metric, value] of Object.entries(metrics)) {
        if (Number.isFinite(value))
          ins.run(run.runId, run.target, run.profile, run.gitCommit, run.time, metric, value);
      }
    })();
  }

  /** The last `limit` values of a metric for a target+profile, oldest first. */
  trend(target: string, profile: string, metric: string, limit = 20): TrendPoint[] {
    const rows = this.db
      .prepare(
        'SELECT run_id AS runId, time, git_commit AS gitCommit, value FROM metrics WHERE target = ? AND profile = ? AND metric = ? ORDER BY time DESC, run_id DESC LIMIT ?',
      )
      .all(target, profile, metric, limit) as TrendPoint[];
    return rows.reverse();
  }

  /** Metric names recorded for a target+profile. */
  metricNames(target: string, profile: string): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT metric FROM metrics WHERE target = ? AND profile = ? ORDER BY metric')
      .all(target, profile) as { metric: string }[];
    return rows.map((r) => r.metric);
  }

  setBaseline(record: BaselineRecord): void {
    this.db
      .prepare(
        'INSERT INTO baselines (target, profile, run_id, path, saved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (target, profile) DO UPDATE SET run_id = excluded.run_id, path = excluded.path, saved_at = excluded.saved_at',
      )
      .run(record.target, record.profile, record.runId, record.path, record.savedAt);
  }

  baseline(target: string, profile: string): BaselineRecord | undefined {
    return this.db
      .prepare(
        'SELECT target, profile, run_id AS runId, path, saved_at AS savedAt FROM baselines WHERE target = ? AND profile = ?',
      )
      .get(target, profile) as BaselineRecord | undefined;
  }

  close(): void {
    this.db.close();
  }
}
