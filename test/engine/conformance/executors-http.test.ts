import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, runEngine, type EngineName, type RunFlags } from './run-engine.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

/**
 * Executor and HTTP conformance: plain k6 scripts (they run unchanged on k6) with
 * expectations from k6's documentation, on the local engine always and on Grafana k6
 * too when K6_BIN is set — the same expectations for both.
 */
/**
 * Arrival-rate starts due in the last LATE_MS of a run can be pushed past its end by a loaded
 * machine and are then lost (on both engines); this many of `ratePerSecond` is the slack.
 */
const LATE_MS = 300;
const lateStarts = (ratePerSecond: number): number => Math.ceil((LATE_MS / 1000) * ratePerSecond);
const script = (name: string): string => fileURLToPath(new URL(`./scripts/${name}`, import.meta.url));
const engines: { name: EngineName; skip: string | false }[] = [
  { name: 'local', skip: false },
  {
    name: 'k6',
    skip:
      process.env.K6_BIN === undefined ? 'K6_BIN is not set (k6 is never installed by this project)' : false,
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip !== false)(
    `conformance on ${engine.name}${engine.skip === false ? '' : ` — skipped: ${engine.skip}`}`,
    () => {
      let server: LoopbackServer;
      beforeAll(async () => {
        server = await startLoopbackServer();
      });
      afterAll(async () => {
        await server.close();
      });
      const run = (name: string, env: Record<string, string> = {}, flags: RunFlags = {}) =>
        runEngine(
          engine.name,
          script(name),
          {
            BASE_URL: server.baseUrl,
            CLOSED_PORT: String(server.closedPort),
            ...env,
          },
          flags,
        );
      const seenFrom = (from: number) => server.seen.slice(from);

      it('shared-iterations runs exactly `iterations` in total across its VUs, with __ENV/__VU/__ITER', async () => {
        const before = server.seen.length;
        const result = await run('shared-iterations.mjs', { MARK: 'm-1' });
        expect(result.exitCode).toBe(0);
        expect(count(result, 'iterations')).toBe(10);
        expect(count(result, 'http_reqs')).toBe(10);
        const seen = seenFrom(before);
        expect(seen).toHaveLength(10);
        expect(new Set(seen.map((r) => r.url.searchParams.get('vu')))).toEqual(new Set(['1', '2', '3']));
        expect(seen.every((r) => r.url.searchParams.get('env') === 'm-1')).toBe(true);
        // __ITER counts per VU from 0: each VU's values are 0..k-1.
        for (const vu of ['1', '2', '3']) {
          const iters = seen
            .filter((r) => r.url.searchParams.get('vu') === vu)
            .map((r) => Number(r.url.searchParams.get('iter')));
          expect(iters.sort((a, b) => a - b)).toEqual(iters.map((_x, i) => i));
        }
      });

      it('per-vu-iterations runs vus × iterations, and each VU has its own module state', async () => {
        const before = server.seen.length;
        const result = await run('per-vu-iterations.mjs');
        expect(result.exitCode).toBe(0);
        expect(count(result, 'iterations')).toBe(12);
        const seen = seenFrom(before);
        for (const vu of ['1', '2', '3']) {
          const mine = seen.filter((r) => r.url.searchParams.get('vu') === vu);
          // The top-level counter of each VU counts only that VU's iterations: 1, 2, 3, 4.
          expect(mine.map((r) => r.url.searchParams.get('counter'))).toEqual(['1', '2', '3', '4']);
          expect(mine.map((r) => r.url.searchParams.get('iter'))).toEqual(['0', '1', '2', '3']);
        }
        expect(seen.every((r) => r.url.searchParams.get('scenario') === 'perVu')).toBe(true);
      });

      it('constant-vus loops for its duration (2 VUs × ~10 iterations/s × 1 s)', async () => {
        const result = await run('constant-vus.mjs');
        expect(result.exitCode).toBe(0);
        const iterations = count(result, 'iterations');
        // Each iteration takes ≥ 100 ms, so a VU starts at most 10 in 1 s (the upper bound is ground
        // truth); a loaded machine only makes fewer, so the lower bound only asks that the VUs looped.
        expect(iterations).toBeGreaterThan(2);
        expect(iterations).toBeLessThanOrEqual(22);
        expect(count(result, 'http_reqs')).toBe(iterations);
        expect(result.summary?.metrics.vus_max?.values.value).toBe(2);
      });

      it('interrupts iterations still running gracefulStop after the duration, without counting them', async () => {
        const result = await run('graceful-stop.mjs');
        expect(result.exitCode).toBe(0);
        expect(count(result, 'iterations')).toBe(0);
        expect(count(result, 'http_reqs')).toBe(2);
        // 1 s + 300 ms grace, not the 5 s sleep: the run's own clock (no process start-up in it)
        // ended before any iteration could have finished its sleep.
        const state = (result.summary as { state?: { testRunDurationMs?: number } } | undefined)?.state;
        expect(state?.testRunDurationMs).toBeLessThan(5000);
      });

      it('constant-arrival-rate starts rate × duration + 1 iterations; a VU short drops one and adds a VU in the background', async () => {
        const result = await run('constant-arrival-rate.mjs');
        expect(result.exitCode).toBe(0);
        const done = count(result, 'iterations');
        const dropped = count(result, 'dropped_iterations');
        // Starts at 0, 50, …, 2000 ms: 41, the one at t = duration included (a start that a
        // loaded machine delays past the end is lost on both engines: LATE_STARTS of slack).
        expect(done + dropped).toBeGreaterThanOrEqual(41 - lateStarts(20));
        expect(done + dropped).toBeLessThanOrEqual(41);
        // 150 ms iterations at 20/s need ~3 VUs at once, 2 are pre-allocated: when none is free
        // k6 drops that iteration and initialises a VU for later ones (it never waits for it).
        expect(dropped).toBeGreaterThanOrEqual(1);
        // Typically 2; a loaded machine makes iterations slower, so more find no free VU, but once
        // the added VUs are up most iterations run.
        expect(dropped).toBeLessThan(done);
        expect(result.summary?.metrics.vus_max?.values.value).toBeGreaterThan(2);
      });

      it('arrival-rate counts dropped_iterations when maxVUs is too small', async () => {
        const result = await run('dropped-iterations.mjs');
        expect(result.exitCode).toBe(0);
        const done = count(result, 'iterations');
        const dropped = count(result, 'dropped_iterations');
        // One VU, ≥ 300 ms per iteration: it runs at most ⌈1000 / 300⌉ + 1 = 5 (ground truth); a loaded
        // machine only makes fewer.
        expect(done).toBeGreaterThanOrEqual(1);
        expect(done).toBeLessThanOrEqual(5);
        // k6 also starts (here: drops) the iteration due at exactly t = duration: 21 (a start
        // delayed past the end by a loaded machine is lost).
        expect(done + dropped).toBeGreaterThanOrEqual(21 - lateStarts(20));
        expect(done + dropped).toBeLessThanOrEqual(21);
      });

      it('ramping-arrival-rate follows its stages (~10 + 20 iterations)', async () => {
        const result = await run('ramping-arrival-rate.mjs');
        expect(result.exitCode).toBe(0);
        // Iteration i (from 1) starts where the rate's integral reaches i: 10 + 20, the last at 2 s.
        expect(count(result, 'iterations')).toBeGreaterThanOrEqual(30 - lateStarts(20));
        expect(count(result, 'iterations')).toBeLessThanOrEqual(30);
      });

      it('reports a request timeout as status 0 / error_code 1050, a refused connection as 1212', async () => {
        const result = await run('request-timeout.mjs');
        expect(result.log).not.toMatch(/TypeError|ReferenceError/);
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values.fails).toBe(0);
        expect(result.summary?.metrics.checks?.values.passes).toBe(7);
        // A timed-out request still counts as a request, and as failed.
        expect(count(result, 'http_reqs')).toBe(3);
        expect(result.summary?.metrics.http_req_failed?.values.passes).toBe(2);
      }, 20_000);

      it('follows redirects like k6 (each hop a request; 303 becomes GET; params.redirects)', async () => {
        const before = server.seen.length;
        const result = await run('redirects.mjs');
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values.passes).toBe(3);
        expect(count(result, 'http_reqs')).toBe(5);
        expect(seenFrom(before).map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
          'GET /redirect',
          'GET /json',
          'POST /redirect',
          'GET /fast',
          'GET /redirect',
        ]);
      });

      it('runs http.batch in parallel and honours discardResponseBodies / responseType', async () => {
        const result = await run('batch-discard.mjs');
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values.passes).toBe(3);
        expect(count(result, 'http_reqs')).toBe(2);
      });

      it('filters samples by system and request tags in thresholds', async () => {
        const result = await run('tag-filtering.mjs');
        expect(result.exitCode).toBe(0);
        const m = result.summary?.metrics ?? {};
        expect(m['http_reqs{kind:slow}']?.values.count).toBe(2);
        expect(m['http_reqs{status:404}']?.values.count).toBe(1);
        expect(m['http_reqs{method:POST}']?.values.count).toBe(1);
        expect(m['http_reqs{expected_response:false}']?.values.count).toBe(1);
        expect(m['conformance_tagged{colour:blue}']?.values.count).toBe(3);
        expect(m.conformance_tagged?.values.count).toBe(8);
      });

      it('passes setup() data to every VU (a JSON copy per VU) and to teardown()', async () => {
        const before = server.seen.length;
        const result = await run('setup-data.mjs');
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values.fails).toBe(0);
        const phases = seenFrom(before).map(
          (r) => `${r.url.searchParams.get('phase')}@${r.url.searchParams.get('vu')}`,
        );
        expect(phases[0]).toBe('setup@0');
        expect(phases.at(-1)).toBe('teardown@0');
        expect(phases.filter((p) => p.startsWith('default'))).toHaveLength(4);
        expect(seenFrom(before).at(-1)?.url.searchParams.get('token')).toBe('setup-token');
      });

      it('runs async functions, asyncRequest and timers, and ends an iteration only after its timers', async () => {
        const before = server.seen.length;
        const result = await run('async-timers.mjs');
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values.passes).toBe(2);
        const timerHits = seenFrom(before).filter((r) => r.url.searchParams.get('p') === 'timer');
        expect(timerHits).toHaveLength(2);
        expect(count(result, 'http_reqs')).toBe(8);
      });

      it("refuses constant-vus / constant-arrival-rate durations below 1 s with exit 104 and k6's message", async () => {
        const before = server.seen.length;
        for (const [name, shown] of [
          ['short-duration-constant-vus.mjs', '500ms'],
          ['short-duration-arrival-rate.mjs', '900ms'],
        ] as const) {
          const result = await run(name);
          expect(result.exitCode).toBe(104);
          expect(result.log).toContain(
            `scenario brief has configuration errors: the duration must be at least 1s, but is ${shown}`,
          );
        }
        expect(server.seen.length).toBe(before);
      });

      it('records a check whose callback throws as failed, then rethrows', async () => {
        const result = await run('check-throws.mjs');
        expect(result.exitCode).toBe(0);
        const root = result.summary?.root_group as {
          checks: { name: string; passes: number; fails: number }[];
        };
        expect(root.checks.map((c) => [c.name, c.passes, c.fails])).toEqual([
          ['before passes', 1, 0],
          ['throws', 0, 1],
          ['the exception reached the caller', 1, 0],
        ]);
      });

      it('hides Node host globals, offers WebCrypto, logs console lines to stderr (debug hidden)', async () => {
        const result = await run('script-globals.mjs');
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values).toMatchObject({ passes: 4, fails: 0 });
        expect(result.log).toContain('level=info msg="conformance console.log line" source=console');
        expect(result.log).toContain('level=warning msg="conformance console.warn line" source=console');
        expect(result.log).not.toContain('console.debug line');
      });

      it('a refused connection: zero timings, nothing sent, k6 wording in res.error and the error tag', async () => {
        const result = await run('refused-connection.mjs');
        expect(result.exitCode).toBe(0);
        expect(result.summary?.metrics.checks?.values).toMatchObject({ passes: 4, fails: 0 });
        expect(count(result, 'data_sent')).toBe(0);
        expect(count(result, 'http_reqs{error:dial: connection refused}')).toBe(1);
        expect(result.log).toContain('level=warning msg="Request Failed" error="Get \\"http://127.0.0.1:');
      });

      it("--summary-export writes k6's export format: checks keyed by name, thresholds as {expression: crossed}", async () => {
        const result = await runEngine(
          engine.name,
          script('summary-export.mjs'),
          {},
          { summaryExport: true },
        );
        expect(result.exitCode).toBe(99);
        const exported = result.exported as {
          root_group: { groups: Record<string, { checks: Record<string, { passes: number }> }> };
          metrics: Record<string, Record<string, unknown>>;
        };
        expect(Object.keys(exported).sort()).toEqual(['metrics', 'root_group']);
        expect(exported.root_group.groups.outer?.checks['is a number']?.passes).toBe(2);
        expect(exported.metrics.export_ratio).toEqual({
          passes: 1,
          fails: 1,
          value: 0.5,
          thresholds: { 'rate>0.9': true },
        });
        expect(exported.metrics.export_never).toMatchObject({ count: 0, thresholds: { 'count>=0': false } });
        expect(exported.metrics.iterations).toMatchObject({ count: 2 });
      });

      it("--iterations / --vus replace the script's scenarios as k6 derives them; -v shows console.debug", async () => {
        const byIterations = await runEngine(engine.name, script('cli-flags.mjs'), {}, { iterations: 3 });
        expect(byIterations.exitCode).toBe(0);
        expect(count(byIterations, 'iterations')).toBe(3);
        const byVus = await runEngine(engine.name, script('cli-flags.mjs'), {}, { vus: 2 });
        expect(byVus.exitCode).toBe(0);
        expect(count(byVus, 'iterations')).toBe(2);
        expect(byVus.log).toContain('`vus=2` overrides scenarios configuration');
        const verbose = await run('script-globals.mjs', {}, { verbose: true });
        expect(verbose.log).toContain('level=debug msg="conformance console.debug line" source=console');
      });

      it('the k6 surface the scenarios use behaves alike (two executors, tags, expectedStatuses, asyncRequest, timers)', async () => {
        const result = await run('scenario-surface.mjs');
        expect(result.exitCode).toBe(0);
        const m = result.summary?.metrics ?? {};
        expect(count(result, 'iterations')).toBe(10);
        expect(count(result, 'http_reqs{endpoint:execute,workflow:fast}')).toBe(6);
        expect(count(result, 'http_reqs{endpoint:poll}')).toBe(4);
        expect(count(result, 'surface_calls{class:server_timeout}')).toBe(4);
        // 504 is expected by the response callback: not a failure.
        expect(m.http_req_failed?.values.rate).toBe(0);
        expect(m.surface_latency?.type).toBe('trend');
        expect(m.checks?.values).toMatchObject({ passes: 14, fails: 0 });
      });

      it('test.abort() stops the test at once with exit code 108', async () => {
        const before = server.seen.length;
        const result = await run('test-abort.mjs');
        expect(result.exitCode).toBe(108);
        expect(seenFrom(before).length).toBeLessThanOrEqual(4);
      });
    },
  );
}

describe('local engine refuses what it does not implement', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('fails at start with HARNESS_ERR_ENGINE_UNSUPPORTED naming the module, before any request', async () => {
    const before = server.seen.length;
    const result = await runEngine('local', script('unsupported-module.mjs'), { BASE_URL: server.baseUrl });
    expect(result.exitCode).toBe(107);
    expect(result.log).toContain('HARNESS_ERR_ENGINE_UNSUPPORTED');
    expect(result.log).toContain("'k6/ws'");
    expect(server.seen.length).toBe(before);
  });

  it('refuses cookies / auth params and Response.html() at start (exit 107), before any request', async () => {
    const before = server.seen.length;
    const result = await runEngine('local', script('unsupported-http-api.mjs'), { BASE_URL: server.baseUrl });
    expect(result.exitCode).toBe(107);
    expect(result.log).toContain('HARNESS_ERR_ENGINE_UNSUPPORTED');
    expect(result.log).toContain("Response.html(), the request param 'cookies', the request param 'auth'");
    expect(server.seen.length).toBe(before);
  });

  it('the same requests without those APIs run (the clean case)', async () => {
    const result = await runEngine('local', script('redirects.mjs'), { BASE_URL: server.baseUrl });
    expect(result.exitCode).toBe(0);
  });
});
