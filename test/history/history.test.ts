import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/index.js';
import {
  History,
  findBaseline,
  historyFile,
  listRuns,
  readManifest,
  resolveRunDir,
  saveBaseline,
} from '../../src/history/index.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples } from '../fixtures/rich-run.js';

describe('run history (SQLite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'harness-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one row per run per metric and returns the last N runs of a target+profile, oldest first', () => {
    const h = new History(historyFile(dir));
    for (let i = 1; i <= 5; i += 1) {
      h.record(
        {
          runId: `r${i}`,
          target: 'staging',
          profile: 'nightly',
          gitCommit: `c${i}`,
          time: `2026-11-2${i}T00:00:00Z`,
        },
        { 'p95{executeWorkflow}': i * 10, timeout_share: 0.1 },
      );
    }
    h.record(
      { runId: 'other', target: 'prod', profile: 'nightly', gitCommit: 'x', time: '2026-11-29T00:00:00Z' },
      { 'p95{executeWorkflow}': 999 },
    );
    // Re-recording a run replaces its rows instead of duplicating them.
    h.record(
      { runId: 'r5', target: 'staging', profile: 'nightly', gitCommit: 'c5', time: '2026-11-25T00:00:00Z' },
      { 'p95{executeWorkflow}': 55 },
    );
    expect(
      h.trend('staging', 'nightly', 'p95{executeWorkflow}', 3).map((p) => [p.runId, p.value, p.gitCommit]),
    ).toEqual([
      ['r3', 30, 'c3'],
      ['r4', 40, 'c4'],
      ['r5', 55, 'c5'],
    ]);
    expect(h.metricNames('staging', 'nightly')).toEqual(['p95{executeWorkflow}', 'timeout_share']);
    expect(h.trend('staging', 'smoke', 'p95{executeWorkflow}')).toEqual([]);
    h.close();
    // It is a file: a new connection sees the same rows.
    const again = new History(historyFile(dir));
    expect(again.trend('prod', 'nightly', 'p95{executeWorkflow}')).toHaveLength(1);
    again.close();
  });

  it('saves a baseline per target+profile as a copy of the run folder, and finds it for later runs', () => {
    const first = writeRunFolder(dir, { runId: fixtureRunId(), profile: 'nightly' }, richSamples(1));
    const later = writeRunFolder(dir, { runId: fixtureRunId(), profile: 'nightly' }, richSamples(2));
    const other = writeRunFolder(dir, { runId: fixtureRunId(), profile: 'smoke' }, richSamples(3));
    const saved = saveBaseline(dir, first);
    expect(saved).toMatchObject({ target: 'fixture', profile: 'nightly', runId: readManifest(first).runId });
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
});
