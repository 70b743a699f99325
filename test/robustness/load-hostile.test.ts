import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileProfile } from './support/hostile-profile.js';
import { isHarnessError } from '../../src/errors/index.js';
import { startHostile, type HostileMode, type HostileServer } from '../../src/hostile/index.js';
import { runLoad } from '../../src/load/index.js';

/**
 * Issue 6: `harness load` (local engine, smoke profile, sync-latency) against hostile targets
 * finishes on its own, names what went wrong through the threshold it crossed (exit 99), and
 * still writes load-summary.json, load-run.json, load.junit.xml and samples.json.gz — none of
 * them holding the key. Each run is a few seconds; for hang and trickle the executor is
 * shortened through HARNESS_EXECUTOR (gracefulStop 1 s), since no request ever completes there.
 */
const KEY_ENV = 'HOSTILE_LOAD_KEY';
const KEY = 'hostile-load-canary-8e2c41';
let hostile: HostileServer;
let dir: string;
const saved = process.env[KEY_ENV];

beforeAll(async () => {
  hostile = await startHostile();
  dir = mkdtempSync(join(tmpdir(), 'harness-load-hostile-'));
  process.env[KEY_ENV] = KEY;
});
afterAll(async () => {
  await hostile.close();
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env[KEY_ENV];
  else process.env[KEY_ENV] = saved;
});

const profileFor = (name: string, baseUrl: string): string => hostileProfile(dir, KEY_ENV, name, baseUrl);

const config = (target: string, reportsDir: string) => ({
  target,
  timeScale: 0.02,
  faults: [],
  seed: 6,
  engine: 'local' as const,
  loadProfile: 'smoke' as const,
  reportsDir,
  ci: true,
});

/** A short run whose unfinished iterations are cut after 1 s instead of k6's default 30 s. */
const SHORT_EXECUTOR = JSON.stringify({
  executor: 'constant-arrival-rate',
  rate: 4,
  timeUnit: '1s',
  duration: '2s',
  preAllocatedVUs: 4,
  maxVUs: 8,
  gracefulStop: '1s',
});

describe('harness load against hostile targets', () => {
  it('a refused port: HARNESS_ERR_TARGET_UNREACHABLE before the engine starts, within seconds', async () => {
    const started = Date.now();
    const error = await runLoad(config(profileFor('refused', hostile.refusedUrl), join(dir, 'refused')), {
      scenario: 'sync-latency',
      log: () => undefined,
    }).catch((e: unknown) => e);
    expect(isHarnessError(error) && error.code).toBe('HARNESS_ERR_TARGET_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    // mode, the threshold metric that must be crossed
    ['reset', 'http_req_failed'],
    ['not-json', 'contract_violations'],
    ['rate-limited-retry-after', 'http_req_failed'],
    ['unavailable', 'http_req_failed'],
  ] as const)(
    '%s: exits 99 naming %s, writes every result file, leaks no key',
    async (mode: HostileMode, metric) => {
      const reportsDir = join(dir, `reports-${mode}`);
      const started = Date.now();
      const lines: string[] = [];
      const result = await runLoad(config(profileFor(mode, hostile.baseUrl(mode)), reportsDir), {
        scenario: 'sync-latency',
        log: (l) => lines.push(l),
        onEngineOutput: (c) => lines.push(c),
      });
      const ms = Date.now() - started;
      const crossed = (result.run.thresholds ?? []).filter((t) => !t.ok).map((t) => t.metric);
      console.log(
        `[robustness] load vs ${mode}: exit ${result.exitCode} in ${ms} ms; crossed ${crossed.join(', ')}`,
      );
      expect(result.exitCode).toBe(99);
      expect(crossed.some((m) => m.startsWith(metric))).toBe(true);
      const files = readdirSync(result.runDir.path);
      for (const name of ['load-summary.json', 'load-run.json', 'load.junit.xml', 'samples.json.gz'])
        expect(files).toContain(name);
      expect(readFileSync(join(result.runDir.path, 'load.junit.xml'), 'utf8')).toMatch(/<failure/);
      for (const name of files) {
        const raw = readFileSync(join(result.runDir.path, name));
        const text = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
        expect(text, name).not.toContain(KEY);
      }
      expect(lines.join('')).not.toContain(KEY);
    },
  );
});

describe('harness load against targets that never finish an answer', () => {
  it.each(['hang', 'trickle'] as const)(
    '%s: no request ever completes → exit 99 naming http_reqs, not a silent pass',
    async (mode: HostileMode) => {
      const lines: string[] = [];
      const started = Date.now();
      const result = await runLoad(
        config(profileFor(mode, hostile.baseUrl(mode)), join(dir, `reports-${mode}`)),
        {
          scenario: 'sync-latency',
          extraEnv: { HARNESS_EXECUTOR: SHORT_EXECUTOR },
          log: (l) => lines.push(l),
          onEngineOutput: (c) => lines.push(c),
        },
      );
      const crossed = (result.run.thresholds ?? [])
        .filter((t) => !t.ok)
        .map((t) => `${t.metric} ${t.expression}`);
      console.log(
        `[robustness] load vs ${mode}: exit ${result.exitCode} in ${Date.now() - started} ms; crossed ${crossed.join(', ')}`,
      );
      expect(result.exitCode).toBe(99);
      expect(crossed).toContain('http_reqs count>0');
      expect(lines.join('\n')).toMatch(/no request .*answered/i);
      expect(readFileSync(join(result.runDir.path, 'load.junit.xml'), 'utf8')).toMatch(/<failure/);
    },
  );
});
