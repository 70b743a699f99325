import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsDirFlag } from '../../src/cli/project-root.js';
import { REPO_ROOT } from '../../src/config/repo-root.js';
import { REPO, runCli } from '../fixtures/run-cli.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples } from '../fixtures/rich-run.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('harness --version, --ci errors, the reports folder', () => {
  let reports: string;
  beforeAll(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-cli-'));
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  it('--version prints the package version', async () => {
    const res = await runCli(['--version'], {});
    expect(res.stdout.trim()).toBe(VERSION);
    expect(res.code).toBe(0);
  });

  it('with --ci an error is one JSON line; a target that fails to start is recorded, never latest', async () => {
    const res = await runCli(['run', '--ci', '--target', 'no-such-target', '--reports-dir', reports], {});
    expect(res.code).toBe(2);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      event: 'error',
      code: 'HARNESS_ERR_TARGET_UNKNOWN',
      hint: expect.any(String) as unknown,
    });
    const usage = await runCli(['run', '--ci', '--bogus'], {});
    expect(JSON.parse(usage.stderr.trim())).toMatchObject({ event: 'error', code: 'HARNESS_ERR_USAGE' });
    // The attempt is in the history, but `latest` does not move to a run with no results.
    expect(existsSync(join(reports, 'latest'))).toBe(false);
    const history = await runCli(['history', '--json', '--reports-dir', reports], {});
    expect(JSON.parse(history.stdout)).toEqual([
      expect.objectContaining({ status: 'failed-to-start', exitCode: 2, target: 'no-such-target' }),
    ]);
    const id = (JSON.parse(history.stdout) as { runId: string }[])[0].runId;
    expect(JSON.parse(readFileSync(join(reports, id, 'run.json'), 'utf8'))).toMatchObject({
      status: 'failed-to-start',
      error: { code: 'HARNESS_ERR_TARGET_UNKNOWN' },
    });
    const report = await runCli(['report', id, '--reports-dir', reports], {});
    expect(report.code).toBe(0);
    const html = readFileSync(join(reports, id, 'index.html'), 'utf8');
    const page = html.slice(0, html.indexOf('<script'));
    expect(page).toContain('DID NOT START: HARNESS_ERR_TARGET_UNKNOWN');
    expect(page).not.toMatch(/PASS|1970|unknown/);
  });

  it('the default reports folder is the project root’s, whatever the working directory', async () => {
    expect(reportsDirFlag(undefined, {})).toBe(join(REPO_ROOT, 'reports'));
    expect(reportsDirFlag('out', {})).toBe('out');
    expect(reportsDirFlag(undefined, { HARNESS_REPORTS_DIR: 'elsewhere' })).toBeUndefined();
    const sub = join(REPO, 'test', 'cli');
    const env = { ...process.env };
    delete env.HARNESS_REPORTS_DIR;
    const res = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [join(REPO, 'bin', 'harness.mjs'), 'report', 'no-such-run'], {
        cwd: sub,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('close', (code) => resolve({ code, err }));
    });
    expect(res.code).toBe(2);
    expect(res.err).toContain(`under ${join(REPO, 'reports')}`);
    expect(existsSync(join(sub, 'reports'))).toBe(false);
  });
});

describe('harness baseline list|show|save|delete and compare across series', () => {
  let reports: string;
  const runs = { base: '', slower: '', oneScenario: '', k6: '' };
  beforeAll(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-cli-baseline-'));
    const at = (day: number): string => fixtureRunId(new Date(`2026-11-0${day}T00:00:00Z`));
    const all = ['all', 'sync-latency'];
    runs.base = writeRunFolder(reports, { runId: at(1), scenarios: all }, richSamples(1));
    runs.slower = writeRunFolder(reports, { runId: at(2), scenarios: all }, richSamples(2, 6, 1.5));
    runs.oneScenario = writeRunFolder(reports, { runId: at(3), scenarios: ['sync-latency'] }, richSamples(3));
    runs.k6 = writeRunFolder(reports, { runId: at(4), scenarios: all, engine: 'k6' }, richSamples(4));
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));
  const cli = (...args: string[]): ReturnType<typeof runCli> =>
    runCli([...args, '--reports-dir', reports], {});

  it('lists, shows, saves and deletes baselines per series', async () => {
    expect((await cli('baseline')).stdout).toBe('no baselines saved\n');
    expect((await cli('baseline', 'save', runs.base)).code).toBe(0);
    const list = await cli('baseline', 'list');
    expect(list.stdout).toMatch(
      /^\d{8}-\d{6}-\w{4} {2}saved \S+ {2}target=fixture profile=smoke scenarios=all,sync-latency engine=local faults=-\n$/,
    );
    const show = await cli('baseline', 'show', runs.slower);
    expect(show.stdout).toContain(`copy: ${join(reports, 'baselines')}`);
    expect(show.stdout).toContain('status complete, exit code 0');
    // A run of another series has none.
    const other = await cli('baseline', 'show', runs.oneScenario);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(
      /HARNESS_ERR_BASELINE_MISSING: no baseline saved for .*scenarios=sync-latency/,
    );
    expect((await cli('baseline', 'delete', runs.slower)).stdout).toMatch(
      /^baseline deleted: target=fixture/,
    );
    expect((await cli('baseline', 'show', runs.slower)).code).toBe(2);
  });

  it('compare refuses runs of another scenario set, and warns when only the engine differs', async () => {
    const refused = await cli('compare', '--baseline', runs.base, '--current', runs.oneScenario);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /HARNESS_ERR_SERIES_MISMATCH: .*scenarios: all,sync-latency ≠ sync-latency/,
    );
    const forced = await cli(
      'compare',
      '--baseline',
      runs.base,
      '--current',
      runs.oneScenario,
      '--allow-mismatch',
    );
    expect(forced.stderr).toContain('warning: baseline and current differ in scenarios');
    expect(forced.code).toBe(0);
    const engines = await cli('compare', '--baseline', runs.base, '--current', runs.k6);
    expect(engines.stderr).toBe('warning: baseline and current differ in engine: local ≠ k6\n');
    expect(engines.code).toBe(0);
    // Same series, slower: the regression is found.
    expect((await cli('compare', '--baseline', runs.base, '--current', runs.slower)).code).toBe(1);
  });
});
