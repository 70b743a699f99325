import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/index.js';
import {
  History,
  deleteBaseline,
  findBaseline,
  listBaselines,
  seriesOf,
  historyFile,
  listRuns,
  readManifest,
  resolveRunDir,
  saveBaseline,
} from '../../src/history/index.js';
import type { RunStatus, Series } from '../../src/history/index.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples } from '../fixtures/rich-run.js';

describe('run history (SQLite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'harness-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const series = (over: Partial<Series> = {}): Series => ({
    target: 'staging',
    profile: 'nightly',
    scenarios: ['all'],
    engine: 'k6',
    faults: [],
    ...over,
  });
  const rec = (runId: string, s: Series, time: string, status: RunStatus = 'complete') => ({
    runId,
    series: s,
    status,
    exitCode: status === 'complete' ? 0 : 130,
    gitCommit: `c-${runId}`,
    time,
  });

  it('keeps one row per run per metric and trends the last N complete runs of ONE series, oldest first', () => {
    const h = new History(historyFile(dir));
    for (let i = 1; i <= 5; i += 1)
      h.record(rec(`r${i}`, series(), `2026-11-2${i}T00:00:00Z`), {
        'p95{executeWorkflow}': i * 10,
        timeout_share: 0.1,
      });
    // Unlike runs: another target, one scenario only, a fault, another engine — and an interrupted run.
    h.record(rec('prod', series({ target: 'prod' }), '2026-11-29T00:00:00Z'), {
      'p95{executeWorkflow}': 999,
    });
    h.record(rec('one', series({ scenarios: ['sync-latency'] }), '2026-11-29T00:00:00Z'), {
      'p95{executeWorkflow}': 1,
    });
    h.record(rec('fault', series({ faults: ['slow-execution'] }), '2026-11-29T00:00:00Z'), {
      'p95{executeWorkflow}': 2,
    });
    h.record(rec('local', series({ engine: 'local' }), '2026-11-29T00:00:00Z'), {
      'p95{executeWorkflow}': 3,
    });
    h.record(rec('stopped', series(), '2026-11-29T00:00:00Z', 'interrupted'), { 'p95{executeWorkflow}': 4 });
    // Re-recording a run replaces its rows instead of duplicating them.
    h.record(rec('r5', series(), '2026-11-25T00:00:00Z'), { 'p95{executeWorkflow}': 55 });
    expect(h.trend(series(), 'p95{executeWorkflow}', 3).map((p) => [p.runId, p.value, p.gitCommit])).toEqual([
      ['r3', 30, 'c-r3'],
      ['r4', 40, 'c-r4'],
      ['r5', 55, 'c-r5'],
    ]);
    expect(h.metricNames(series())).toEqual(['p95{executeWorkflow}', 'timeout_share']);
    expect(h.trend(series({ profile: 'smoke' }), 'p95{executeWorkflow}')).toEqual([]);
    // Every run is listed with its status, newest first; --target filters.
    expect(h.runs({ target: 'staging', limit: 2 }).map((r) => [r.status, r.exitCode])).toEqual([
      ['interrupted', 130],
      ['complete', 0],
    ]);
    h.close();
    // It is a file: a new connection sees the same rows.
    const again = new History(historyFile(dir));
    expect(again.trend(series({ target: 'prod' }), 'p95{executeWorkflow}')).toHaveLength(1);
    again.close();
  });

  it('saves a baseline per target+profile as a copy of the run folder, and finds it for later runs', () => {
    const first = writeRunFolder(dir, { runId: fixtureRunId(), profile: 'nightly' }, richSamples(1));
    const later = writeRunFolder(dir, { runId: fixtureRunId(), profile: 'nightly' }, richSamples(2));
    const other = writeRunFolder(dir, { runId: fixtureRunId(), profile: 'smoke' }, richSamples(3));
    const saved = saveBaseline(dir, first);
    expect(saved).toMatchObject({
      series: { target: 'fixture', profile: 'nightly' },
      runId: readManifest(first).runId,
    });
    expect(existsSync(join(saved.path, 'samples.json.gz'))).toBe(true);
    rmSync(first, { recursive: true });
    expect(findBaseline(dir, later).path).toBe(saved.path);
    expect(() => findBaseline(dir, other)).toThrow(HarnessError);
    try {
      findBaseline(dir, other);
    } catch (e) {
      expect((e as HarnessError).code).toBe('HARNESS_ERR_BASELINE_MISSING');
    }
    // Saving again replaces the baseline of that series.
    saveBaseline(dir, later);
    expect(findBaseline(dir, later).runId).toBe(readManifest(later).runId);
  });

  it('resolves a run by id, by path, and latest (symlink or newest id); unknown runs are a coded error', () => {
    const a = writeRunFolder(dir, { runId: fixtureRunId(new Date('2026-01-01T00:00:00Z')) }, []);
    const b = writeRunFolder(dir, { runId: fixtureRunId(new Date('2026-02-01T00:00:00Z')) }, []);
    expect(listRuns(dir)).toEqual([readManifest(a).runId, readManifest(b).runId]);
    expect(resolveRunDir(dir, readManifest(a).runId)).toBe(a);
    expect(resolveRunDir(dir, a)).toBe(a);
    expect(resolveRunDir(dir)).toBe(b);
    symlinkSync(readManifest(a).runId, join(dir, 'latest'));
    expect(resolveRunDir(dir, 'latest')).toBe(a);
    expect(() => resolveRunDir(dir, 'nope')).toThrow(/HARNESS_ERR_RUN_NOT_FOUND|no run/);
  });

  it('refuses to make an interrupted, failed-to-start or failing run a baseline, and keeps baselines per series', () => {
    const ok = writeRunFolder(dir, { runId: fixtureRunId() }, richSamples(1));
    const stopped = writeRunFolder(
      dir,
      {
        runId: fixtureRunId(),
        status: 'interrupted',
        exitCode: 130,
        interruption: { signal: 'SIGINT', phase: 'load' },
      },
      richSamples(1),
    );
    const failing = writeRunFolder(dir, { runId: fixtureRunId(), exitCode: 99 }, richSamples(1));
    const down = writeRunFolder(dir, { runId: fixtureRunId(), status: 'failed-to-start', exitCode: 2 }, []);
    for (const [run, why] of [
      [stopped, /is interrupted/],
      [failing, /exit code 99/],
      [down, /is failed-to-start/],
    ] as const) {
      expect(() => saveBaseline(dir, run)).toThrow(why);
      try {
        saveBaseline(dir, run);
      } catch (e) {
        expect((e as HarnessError).code).toBe('HARNESS_ERR_BASELINE_REFUSED');
      }
    }
    expect(listBaselines(dir)).toEqual([]);
    saveBaseline(dir, ok);
    // Same target and profile, another scenario set or engine: another series, no baseline.
    const oneScenario = writeRunFolder(
      dir,
      { runId: fixtureRunId(), scenarios: ['sync-latency'] },
      richSamples(2),
    );
    const k6 = writeRunFolder(dir, { runId: fixtureRunId(), engine: 'k6' }, richSamples(2));
    expect(() => findBaseline(dir, oneScenario)).toThrow(/scenarios=sync-latency/);
    expect(() => findBaseline(dir, k6)).toThrow(/engine=k6/);
    saveBaseline(dir, k6);
    expect(
      listBaselines(dir)
        .map((b) => b.series.engine)
        .sort(),
    ).toEqual(['k6', 'local']);
    expect(deleteBaseline(dir, seriesOf(readManifest(k6)))).toBe(true);
    expect(deleteBaseline(dir, seriesOf(readManifest(k6)))).toBe(false);
    expect(listBaselines(dir).map((b) => b.runId)).toEqual([readManifest(ok).runId]);
  });

  it('an empty run folder reads as failed-to-start (no 1970, no "unknown"), and latest skips it', () => {
    const good = writeRunFolder(dir, { runId: fixtureRunId(new Date('2026-03-01T10:00:00Z')) }, []);
    const emptyId = fixtureRunId(new Date('2026-03-02T11:12:13Z'));
    mkdirSync(join(dir, emptyId));
    const empty = readManifest(join(dir, emptyId));
    expect(empty).toMatchObject({ status: 'failed-to-start', startedAt: '2026-03-02T11:12:13.000Z' });
    expect(empty.target.name).not.toMatch(/unknown/);
    expect(resolveRunDir(dir)).toBe(good);
  });
});
