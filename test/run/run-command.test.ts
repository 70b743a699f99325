import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReport } from '../report/open-in-chromium.js';
import { chromiumTool, titled } from '../support/required-tool.js';
import { startMiniDeployment } from '../fixtures/mini-deployment.js';
import { REPO, runCli } from '../fixtures/run-cli.js';

const KEY = 'canary-key-3f9a1c7e5b';
const browser = chromiumTool();

/** Every file under dir as text (gunzipped when .gz), for the key search. */
function allText(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => (f.endsWith('.gz') ? gunzipSync(readFileSync(f)).toString() : readFileSync(f, 'latin1')));
}

describe('harness run (the README command) against the embedded reference', () => {
  let reports: string;
  let dir = '';
  beforeAll(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-run-'));
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  it('verifies, loads every scenario, writes one run folder with a complete run.json, and exits 0', async () => {
    const res = await runCli(['run', '--ci', '--seed', '42', '--reports-dir', reports], {}, 200_000);
    expect(res.stderr).toBe('');
    const events = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.filter((e) => e.event === 'phase').map((e) => e.phase)).toEqual([
      'target',
      'verify',
      'load',
      'report',
    ]);
    const summary = events.find((e) => e.event === 'summary')!;
    expect(summary).toMatchObject({ seed: 42, exitCode: 0, thresholdsCrossed: false, checks: { failed: 0 } });
    expect((summary.checks as { passed: number }).passed).toBeGreaterThan(5);
    // Every load threshold, each with the value it was judged on.
    expect(summary.thresholds).toContainEqual({
      metric: 'http_reqs',
      expression: 'count>0',
      measured: expect.any(Number) as number,
      limit: 0,
      ok: true,
    });
    // Series are endpoint + workflow role, e.g. "executeWorkflow (fast)" and "executeWorkflow (slow)".
    const endpoints = new Set(Object.keys(summary.endpoints as object).map((k) => k.split(' ')[0]));
    expect([...endpoints].sort()).toEqual([
      'executeWorkflow',
      'executeWorkflowBackground',
      'getConversationById',
    ]);
    expect(Object.keys(summary.endpoints as object)).toEqual(
      expect.arrayContaining(['executeWorkflow (fast)', 'executeWorkflow (slow)']),
    );
    expect(summary.completionP95).toBeGreaterThan(0);
    expect(res.code).toBe(0);

    const runs = readdirSync(reports).filter((f) => /^\d{8}-/.test(f));
    expect(runs).toHaveLength(1);
    dir = join(reports, readlinkSync(join(reports, 'latest')));
    for (const f of [
      'index.html',
      'run.json',
      'verify.json',
      'verify.junit.xml',
      'load-summary.json',
      'load-run.json',
      'samples.json.gz',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toMatchObject({
      status: 'complete',
      seed: 42,
      exitCode: 0,
      engine: expect.stringMatching(/^(local|k6)/) as unknown,
      target: { embedded: true },
    });

    // The run is its own baseline: compare finds nothing; the CLI paths work end to end.
    expect((await runCli(['baseline', 'save', '--reports-dir', reports], {})).code).toBe(0);
    const cmp = await runCli(
      ['compare', '--baseline', dir, '--current', 'latest', '--reports-dir', reports],
      {},
    );
    expect(cmp.stdout).toContain('no regression');
    expect(cmp.code).toBe(0);
  }, 300_000);

  it.skipIf(browser.skip !== false)(
    titled('the run report renders in Chromium with every chart drawn', browser),
    async () => {
      browser.need();
      expect(dir, 'the run above wrote its folder').not.toBe('');
      const check = await openReport(join(dir, 'index.html'), join(dir, 'screenshot.png'));
      expect(check.errors).toEqual([]);
      expect(check.charts).toBe(check.canvases);
      expect(check.canvases).toBeGreaterThanOrEqual(5);
    },
  );
});

describe('harness run against a --target URL', () => {
  let reports: string;
  const servers: { close(): Promise<void> }[] = [];
  beforeAll(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-run-url-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(reports, { recursive: true, force: true });
  });

  it('exits 1 and names the violated field when the deployment breaks the contract, and never leaks the key', async () => {
    const dep = await startMiniDeployment(KEY, { brokenField: true });
    servers.push(dep);
    const res = await runCli(
      ['run', '--target', dep.url, '--seed', '1', '--reports-dir', reports],
      { HARNESS_API_KEY: KEY },
      200_000,
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/contract checks: \d+ passed, [1-9]\d* failed/);
    expect(res.stdout).toContain('credit_usage');
    expect(res.stdout).toMatch(/FAIL · report: .*index\.html/);
    for (const text of [res.stdout, res.stderr, ...allText(reports)]) expect(text.includes(KEY)).toBe(false);
  }, 300_000);

  it('fails fast with a coded error when the key variable is missing', async () => {
    const dep = await startMiniDeployment(KEY);
    servers.push(dep);
    const res = await runCli(['run', '--target', dep.url, '--reports-dir', reports], { HARNESS_API_KEY: '' });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/HARNESS_ERR_KEY_MISSING/);
  });

  it('is the README quick start command', () => {
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain('npm ci && npx harness run');
  });
});
