import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLocalEngine } from '../../../src/engine/index.js';
import {
  checkMachineReadableSummary,
  type LegacySummaryData,
  type MachineReadableSummary,
} from '../../../src/engine/metrics/index.js';
import { startLatencyServer } from '../../fixtures/latency-server.js';

/**
 * Threshold and summary conformance: small k6 scripts whose expectations come from k6's
 * documentation, run on the local engine and — when K6_BIN names a k6 binary — on k6,
 * with the same assertions.
 */
const SCRIPTS = join(import.meta.dirname, 'scripts');

interface Outcome {
  readonly exitCode: number;
  readonly summary: unknown;
}

type Runner = (script: string, env: Record<string, string>, newMachineReadable?: boolean) => Promise<Outcome>;

let dir = '';
let server: Awaited<ReturnType<typeof startLatencyServer>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'conf-thresholds-'));
  server = await startLatencyServer({ fast: { base: 0, jitter: 0 }, slow: { base: 300, jitter: 20 } });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function summaryPath(): string {
  seq += 1;
  return join(dir, `summary-${seq}.json`);
}

const local: Runner = async (script, env, newMachineReadable = false) => {
  const out = summaryPath();
  const { exitCode } = await runLocalEngine({
    script: join(SCRIPTS, script),
    env: { ...env, SUMMARY_OUT: out },
    quiet: true,
    newMachineReadableSummary: newMachineReadable,
    onProgress: () => undefined,
    stdout: () => undefined,
  });
  return { exitCode, summary: JSON.parse(readFileSync(out, 'utf8')) };
};

const k6: Runner = async (script, env, newMachineReadable = false) => {
  const out = summaryPath();
  const args = ['run', '--quiet', ...(newMachineReadable ? ['--new-machine-readable-summary'] : [])];
  for (const [k, v] of Object.entries({ ...env, SUMMARY_OUT: out })) args.push('-e', `${k}=${v}`);
  args.push(join(SCRIPTS, script));
  const exitCode = await new Promise<number>((ok, fail) => {
    const child = spawn(process.env.K6_BIN!, args, { stdio: 'ignore' });
    child.on('error', fail);
    child.on('exit', (code) => ok(code ?? -1));
  });
  return { exitCode, summary: JSON.parse(readFileSync(out, 'utf8')) };
};

const engines: [string, Runner | undefined, string][] = [
  ['local engine', local, ''],
  [
    'k6',
    process.env.K6_BIN === undefined ? undefined : k6,
    'K6_BIN is not set, so the k6 half of the conformance suite is skipped',
  ],
];

for (const [name, run, skipReason] of engines) {
  describe.skipIf(run === undefined)(
    `thresholds and summary on ${name}${run === undefined ? ` (${skipReason})` : ''}`,
    () => {
      it('all thresholds pass → exit 0; handleSummary gets the documented data structure', async () => {
        const { exitCode, summary } = await run!('thresholds-pass.mjs', {});
        expect(exitCode).toBe(0);
        const data = summary as LegacySummaryData;
        for (const key of ['root_group', 'options', 'state', 'metrics']) expect(data).toHaveProperty(key);
        expect(data.options.summaryTrendStats).toEqual(['avg', 'min', 'med', 'max', 'p(90)', 'p(95)']);
        expect(typeof data.state.testRunDurationMs).toBe('number');
        expect(data.root_group).toMatchObject({ name: '', path: '', id: 'd41d8cd98f00b204e9800998ecf8427e' });
        const work = data.root_group.groups.find((g) => g.name === 'work');
        expect(work).toMatchObject({
          path: '::work',
          checks: [{ name: 'is positive', path: '::work::is positive', passes: 5, fails: 0 }],
        });
        expect(data.metrics.conf_items).toMatchObject({
          type: 'counter',
          contains: 'default',
          values: { count: 10 },
          thresholds: { 'count==10': { ok: true }, 'count>=10': { ok: true } },
        });
        expect(data.metrics.conf_level).toMatchObject({
          type: 'gauge',
          values: { value: 5, min: 1, max: 5 },
        });
        expect(data.metrics.conf_good).toMatchObject({
          type: 'rate',
          values: { rate: 0.8, passes: 4, fails: 1 },
        });
        expect(data.metrics.conf_size).toMatchObject({
          type: 'trend',
          contains: 'default',
          values: { avg: 3, min: 1, med: 3, max: 5 },
        });
        expect(data.metrics.conf_size?.values['p(90)']).toBeCloseTo(4.6, 9);
        expect(data.metrics.iterations?.values.count).toBe(5);
        expect(data.metrics.checks?.values).toMatchObject({ rate: 1, passes: 5, fails: 0 });
      });

      it('a failed threshold → exit 99 after the full run, with ok=false on that expression only', async () => {
        const { exitCode, summary } = await run!('thresholds-fail.mjs', {});
        expect(exitCode).toBe(99);
        const data = summary as LegacySummaryData;
        expect(data.metrics.conf_size?.thresholds).toEqual({
          'max<100': { ok: true },
          'p(95)<3': { ok: false },
        });
        expect(data.metrics.iterations?.values.count).toBe(4);
      });

      it('abortOnFail stops a 30 s test within seconds, with exit 99', async () => {
        const { exitCode, summary } = await run!('abort-on-fail.mjs', {});
        expect(exitCode).toBe(99);
        const data = summary as LegacySummaryData;
        // Ground truth, not a window: the run's own clock stopped well before its 30 s duration (the
        // abort is due ~1–2 s in; half the duration leaves a loaded machine all the slack it needs).
        expect(data.state.testRunDurationMs).toBeLessThan(15_000);
        expect(data.metrics.conf_good?.thresholds).toEqual({ 'rate>0.5': { ok: false } });
      }, 20_000);

      it('a tag-filtered threshold counts only samples matching all its tags', async () => {
        const { exitCode, summary } = await run!('tag-filter.mjs', { BASE_URL: server.url });
        expect(exitCode).toBe(0);
        const data = summary as LegacySummaryData;
        expect(data.metrics.http_req_duration?.values.max).toBeGreaterThanOrEqual(250);
        expect(data.metrics['http_req_duration{endpoint:fast}']?.values.max).toBeLessThan(200);
        expect(data.metrics['http_req_duration{endpoint:slow}']?.values.min).toBeGreaterThanOrEqual(250);
        expect(data.metrics['conf_work{kind:a,phase:x}']).toMatchObject({
          values: { min: 1, max: 1, avg: 1 },
          thresholds: { 'max==1': { ok: true } },
        });
        expect(data.metrics.conf_work?.values.max).toBe(70);
      }, 20_000);

      it('a threshold on a metric that never got a sample is evaluated at the end: count>0 crossed → exit 99', async () => {
        const { exitCode, summary } = await run!('threshold-no-samples.mjs', {});
        expect(exitCode).toBe(99);
        const data = summary as LegacySummaryData;
        expect(data.metrics.never_added).toMatchObject({
          values: { count: 0 },
          thresholds: { 'count>0': { ok: false } },
        });
        // The clean case: one sample and the same threshold holds.
        expect((await run!('threshold-no-samples.mjs', { NEVER: 'add' })).exitCode).toBe(0);
      });

      it("with --new-machine-readable-summary, handleSummary gets k6 v2.2.0's format, field by field", async () => {
        const { exitCode, summary } = await run!(
          'machine-readable-summary.mjs',
          { BASE_URL: server.url },
          true,
        );
        expect(exitCode).toBe(0);
        expect(checkMachineReadableSummary(summary)).toEqual([]);
        const mrs = summary as MachineReadableSummary;
        expect(mrs.version).toBe('1.0.0');
        expect(mrs.metadata.k6_version).toMatch(/^2\.2\.0/);
        expect(mrs.config.execution).toBe('local');
        expect(mrs.config.script).toContain("new Counter('checks_custom')");
        const names = mrs.results.metrics.map((m) => m.name);
        expect([...names].sort()).toEqual([
          'data_received',
          'data_sent',
          'http_req_duration',
          'http_req_duration{expected_response:true}',
          'http_req_duration{kind:a}',
          'http_req_failed',
          'http_reqs',
          'iteration_duration',
          'iterations',
          'mrs_gauge',
          'mrs_rate',
          'mrs_trend',
        ]);
        // Categories in k6's order: HTTP, execution, network, custom.
        expect(names.indexOf('http_reqs')).toBeLessThan(names.indexOf('iterations'));
        expect(names.indexOf('iterations')).toBeLessThan(names.indexOf('data_sent'));
        expect(names.indexOf('data_sent')).toBeLessThan(names.indexOf('mrs_gauge'));
        const byName = Object.fromEntries(mrs.results.metrics.map((m) => [m.name, m]));
        expect(byName.mrs_trend).toEqual({
          contains: 'time',
          name: 'mrs_trend',
          type: 'trend',
          values: { avg: 5, max: null, med: null, min: null, p90: 5, p95: null },
        });
        expect(byName.mrs_gauge?.values).toEqual({ max: 3, min: 3, value: 3 });
        expect(byName.mrs_rate?.values).toEqual({ matches: 2, rate: 1, total: 2 });
        expect(byName.http_reqs?.values).toEqual({ count: 2 });
        expect(mrs.results.checks).toEqual({
          metrics: [
            { contains: 'default', name: 'checks_total', type: 'counter', values: { count: 6 } },
            {
              contains: 'default',
              name: 'checks_failed',
              type: 'rate',
              values: { matches: 2, rate: 2 / 6, total: 6 },
            },
            {
              contains: 'default',
              name: 'checks_succeeded',
              type: 'rate',
              values: { matches: 4, rate: 4 / 6, total: 6 },
            },
          ],
          results: [
            { fails: 0, name: 'ok', passes: 4 },
            { fails: 2, name: 'always fails', passes: 0 },
          ],
        });
      });
    },
  );
}
