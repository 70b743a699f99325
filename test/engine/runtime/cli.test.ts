import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../conformance/loopback-server.js';

const BIN = fileURLToPath(new URL('../../../bin/local-engine.mjs', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./scripts/cli-thresholds.mjs', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** bin/local-engine.mjs as the harness runs it: a child process shaped like `k6 run`. */
describe('local-engine CLI', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('exits 99 on crossed thresholds and writes k6 JSON output, the summary export and handleSummary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-engine-cli-'));
    const secret = 'sk-test-should-never-be-printed-123';
    const run = await cli(
      [
        'run',
        '--new-machine-readable-summary',
        '--out',
        `json=${join(dir, 'samples.json.gz')}`,
        '--summary-export',
        join(dir, 'export.json'),
        '-e',
        `BASE_URL=${server.baseUrl}`,
        '-e',
        `SUMMARY_FILE=${join(dir, 'summary.json')}`,
        SCRIPT,
      ],
      { SECRET_KEY: secret },
    );
    expect(run.stderr).toContain('local engine (not k6)');
    expect(run.code).toBe(99);
    expect(run.stdout).toContain('summary version 1.0.0');
    expect(`${run.stdout}${run.stderr}`).not.toContain(secret);

    const lines = gunzipSync(readFileSync(join(dir, 'samples.json.gz')))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; metric: string; data: { tags?: Record<string, string> } });
    const reqs = lines.filter((l) => l.type === 'Point' && l.metric === 'http_reqs');
    expect(reqs).toHaveLength(3);
    expect(reqs[0]?.data.tags).toMatchObject({
      method: 'GET',
      status: '500',
      expected_response: 'false',
      group: '::calls',
      scenario: 'default',
      suite: 'cli',
      name: `${server.baseUrl}/status/500`,
    });
    const custom = lines.filter((l) => l.type === 'Point' && l.metric === 'cli_latency');
    expect(custom[0]?.data.tags).toMatchObject({ endpoint: 'status', group: '::calls', scenario: 'default' });
    expect(
      lines.some((l) => l.type === 'Point' && l.metric === 'checks' && l.data.tags?.check === 'is 500'),
    ).toBe(true);

    // Under --new-machine-readable-summary k6 writes that summary as the export too.
    const exported = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')) as {
      results: { metrics: { name: string }[] };
    };
    expect(exported.results.metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining(['http_reqs', 'iterations', 'cli_latency']),
    );
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { version: string };
    expect(summary.version).toBe('1.0.0');
    expect(
      server.seen
        .filter((r) => r.url.pathname === '/status/500')
        .every((r) => r.headers['x-api-key'] === secret),
    ).toBe(true);
  });

  it('exits 107 with HARNESS_ERR_ENGINE_UNSUPPORTED for an unsupported option, before any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-engine-cli-'));
    const script = join(dir, 'hosts.js');
    writeFileSync(
      script,
      `import http from 'k6/http';\nexport const options = { hosts: { 'a.test': '127.0.0.1' } };\nexport default function () { http.get('${server.baseUrl}/fast'); }\n`,
    );
    const before = server.seen.length;
    const run = await cli(['run', '--quiet', script], {});
    expect(run.code).toBe(107);
    expect(run.stderr).toMatch(/HARNESS_ERR_ENGINE_UNSUPPORTED: .*'hosts'/);
    expect(run.stderr).toContain('hint:');
    expect(server.seen.length).toBe(before);
  });
});
