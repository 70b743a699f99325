import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { type LoadConfig, runLoad } from '../../src/load/index.js';
import { fakeK6 } from './fake-k6.js';

const reportsDir = mkdtempSync(join(tmpdir(), 'load-reports-'));
afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const config: LoadConfig = {
  timeScale: 0.02,
  faults: [],
  seed: 7,
  engine: 'k6',
  loadProfile: 'smoke',
  reportsDir,
  ci: true,
};

/** Runs sync-latency through a stand-in k6 of `version` with `env` set; the log lines are kept. */
async function runFakeK6(version: string, env: Record<string, string>) {
  const { bin, record } = fakeK6(version);
  vi.stubEnv('K6_BIN', bin);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const lines: string[] = [];
  const result = await runLoad(config, {
    scenario: 'sync-latency',
    log: (l) => lines.push(l),
    onEngineOutput: () => undefined,
  });
  return { result, lines, record };
}

describe('runLoad with k6 (a stand-in binary) against the embedded reference', () => {
  it('passes the key through the environment only and writes the run folder', async () => {
    const { bin, record } = fakeK6('1.2.0');
    vi.stubEnv('K6_BIN', bin);
    const output: string[] = [];
    const result = await runLoad(config, {
      scenario: 'sync-latency',
      log: (l) => output.push(l),
      onEngineOutput: (c) => output.push(c),
    });
    expect(result.exitCode).toBe(0);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as {
      args: string[];
      keyVar: string;
      key: string;
      target: { baseUrl: string };
      dashboard: string;
      dashboardHost: string;
    };
    expect(seen.key.length).toBeGreaterThan(8);
    expect(seen.args.join(' ')).not.toContain(seen.key);
    expect(seen.args).toEqual(expect.arrayContaining(['run', '--out']));
    expect(seen.args).not.toContain('--new-machine-readable-summary');
    expect(seen.dashboardHost).toBe('127.0.0.1');
    expect(seen.args.at(-1)).toMatch(/dist\/scenarios\/sync-latency\.js$/);
    expect(seen.target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output.join('')).toContain('load engine: k6 (k6: k6 1.2.0');

    const files = ['load-summary.json', 'load-run.json', 'load.junit.xml', 'load-dashboard.html'];
    for (const f of files) expect(existsSync(join(result.runDir.path, f))).toBe(true);
    const run = JSON.parse(readFileSync(join(result.runDir.path, 'load-run.json'), 'utf8')) as unknown;
    const outcome = new ContractValidator().validate('load-run.schema.json', run);
    expect(outcome.errors).toEqual([]);
    expect(result.run).toMatchObject({
      engine: { kind: 'k6', version: '1.2.0' },
      target: { embedded: true, timeScale: 0.02 },
      scenarios: ['sync-latency'],
      thresholdsPassed: true,
      dashboard: { host: '127.0.0.1', exported: true },
    });
    for (const f of files) expect(readFileSync(join(result.runDir.path, f), 'utf8')).not.toContain(seen.key);
  });

  it('follows the engine exit code 99 and records the crossed threshold', async () => {
    const { result } = await runFakeK6('1.2.0', { FAKE_K6_EXIT: '99' });
    expect(result.exitCode).toBe(99);
    expect(result.run.thresholdsPassed).toBe(false);
    expect(result.run.thresholds).toContainEqual({
      metric: 'contract_violations',
      name: 'contract_violations',
      tags: {},
      scenario: null,
      expression: 'rate==0',
      aggregation: 'rate',
      operator: '==',
      limit: 0,
      measured: 0.25,
      measuredFrom: 'summary',
      ok: false,
    });
    const junit = readFileSync(join(result.runDir.path, 'load.junit.xml'), 'utf8');
    expect(junit).toContain('failures="1"');
    expect(junit).toContain('message="threshold crossed: rate = 0.25, limit 0 (rate==0)"');
  });

  it('turns an engine exit 0 without a single answered request into 99, and says why', async () => {
    const { result, lines } = await runFakeK6('1.2.0', { FAKE_K6_SILENT: '1' });
    expect(result.exitCode).toBe(99);
    expect(lines.join('\n')).toMatch(/no request was answered/);
    expect(result.run.thresholdsPassed).toBe(false);
  });

  it('binds the dashboard to the host the user names, and says why k6 skipped its export', async () => {
    const { result, lines, record } = await runFakeK6('2.2.0', {
      FAKE_K6_SHORT: '1',
      K6_WEB_DASHBOARD_HOST: '::1',
    });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(readFileSync(record, 'utf8')) as { dashboardHost: string }).dashboardHost).toBe('::1');
    const reason = 'k6: The test run was short, report generation was skipped (not enough data)';
    expect(result.run.dashboard).toEqual({ host: '::1', exported: false, reason });
    expect(lines).toContainEqual(expect.stringContaining(`no web dashboard export — ${reason}`));
    expect(existsSync(join(result.runDir.path, 'load-dashboard.html'))).toBe(false);
  });

  it('a run whose engine wrote no summary is never a pass: SUMMARY_MISSING, exit 99', async () => {
    const { result, lines } = await runFakeK6('2.2.0', { FAKE_K6_NO_SUMMARY: '1' });
    expect(result.exitCode).toBe(99);
    expect(result.summary).toBeUndefined();
    expect(result.run.failures).toEqual([
      { code: 'SUMMARY_MISSING', message: expect.stringContaining('no end-of-test summary') as string },
    ]);
    expect(result.run).toMatchObject({ thresholds: [], thresholdsPassed: false });
    expect(lines).toContainEqual(expect.stringContaining('load: SUMMARY_MISSING'));
    expect(readFileSync(join(result.runDir.path, 'load.junit.xml'), 'utf8')).toContain(
      '<failure message="SUMMARY_MISSING">',
    );
    expect(existsSync(join(result.runDir.path, 'load-summary.json'))).toBe(false);
  });

  it('rejects an unknown scenario with the known names', async () => {
    await expect(runLoad(config, { scenario: 'nope' })).rejects.toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_SCENARIO_UNKNOWN',
        hint: expect.stringContaining('sync-latency') as string,
      }),
    );
  });
});
