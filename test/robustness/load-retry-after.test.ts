import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileProfile } from './support/hostile-profile.js';
import { startHostile, type HostileMode, type HostileServer } from '../../src/hostile/index.js';
import { runLoad } from '../../src/load/index.js';

/**
 * Issue 12: load honours 429/503 Retry-After. One VU against the hostile server, which answers
 * every request 429 (or 503) with `Retry-After: 1`: after each answer the server must receive
 * nothing for 1 s. Counted on the server's side (its arrival times), so a busy machine can only
 * widen the gaps, never fail the test. The same VU against 429 WITHOUT Retry-After keeps firing,
 * which shows the count is not low for another reason.
 */
const KEY_ENV = 'RETRY_AFTER_LOAD_KEY';
const RETRY_AFTER_S = 1;
let hostile: HostileServer;
let dir: string;
const saved = process.env[KEY_ENV];

beforeAll(async () => {
  hostile = await startHostile({ retryAfterSeconds: RETRY_AFTER_S });
  dir = mkdtempSync(join(tmpdir(), 'harness-retry-after-'));
  process.env[KEY_ENV] = 'retry-after-key';
});
afterAll(async () => {
  await hostile.close();
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env[KEY_ENV];
  else process.env[KEY_ENV] = saved;
});

const closed = (vus: number): string =>
  JSON.stringify({ executor: 'constant-vus', vus, duration: '3500ms', gracefulStop: '3s' });

/** The local engine always; real k6 too when K6_BIN names one. */
const ENGINES: readonly ('local' | 'k6')[] = ['local', ...(process.env.K6_BIN ? (['k6'] as const) : [])];

async function load(mode: HostileMode, engine: 'local' | 'k6' = 'local', vus = 1) {
  const target = hostileProfile(dir, KEY_ENV, mode, hostile.baseUrl(mode));
  return runLoad(
    {
      target,
      timeScale: 0.02,
      faults: [],
      seed: 12,
      engine,
      loadProfile: 'smoke',
      reportsDir: join(dir, `reports-${mode}-${engine}-${vus}`),
      ci: true,
    },
    {
      scenario: 'sync-latency',
      extraEnv: { HARNESS_EXECUTOR: closed(vus) },
      log: () => undefined,
      onEngineOutput: () => undefined,
    },
  );
}

/** Requests the server received within the Retry-After window that follows each answer. */
function insideWindows(times: readonly number[], windowMs: number): number {
  let inside = 0;
  for (const [i, t] of times.entries()) inside += times.filter((u, j) => j > i && u < t + windowMs).length;
  return inside;
}

describe('load honours Retry-After (hostile server, 1 VU, 3.5 s)', () => {
  it.each(
    ENGINES.flatMap((engine) =>
      (['rate-limited-retry-after', 'unavailable-retry-after'] as const).map(
        (mode) => [mode, engine] as const,
      ),
    ),
  )(
    '%s (%s engine): no request inside any Retry-After window; the waits and their length are reported',
    async (mode, engine) => {
      const before = hostile.hitTimes(mode).length;
      const result = await load(mode, engine);
      const times = hostile.hitTimes(mode).slice(before);
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
      console.log(`[retry-after] ${mode} (${engine}): ${times.length} requests, gaps ${gaps.join(', ')} ms`);
      // Clock granularity only: the VU computes the pause when the answer arrives, after the server stamped it.
      expect(insideWindows(times, RETRY_AFTER_S * 1000 - 20)).toBe(0);
      expect(times.length).toBeGreaterThanOrEqual(3);
      expect(times.length).toBeLessThanOrEqual(6);
      expect(result.run.pacing).toMatchObject({
        retryAfterWaits: times.length,
        retryAfterWaitMs: times.length * RETRY_AFTER_S * 1000,
      });
      expect(result.exitCode).toBe(99);
    },
  );

  it('429 without Retry-After: the same VU sends back to back (the contrast)', async () => {
    const result = await load('rate-limited');
    const times = hostile.hitTimes('rate-limited');
    console.log(`[retry-after] rate-limited (no header): ${times.length} requests`);
    expect(times.length).toBeGreaterThan(30);
    expect(insideWindows(times.slice(0, 10), RETRY_AFTER_S * 1000 - 20)).toBeGreaterThan(0);
    expect(result.run.pacing?.retryAfterWaits).toBe(0);
  });

  it('3 VUs: any Retry-After window holds at most one request per VU, whenever it starts', async () => {
    const mode = 'rate-limited-retry-after';
    const before = hostile.hitTimes(mode).length;
    await load(mode, 'local', 3);
    const times = hostile.hitTimes(mode).slice(before);
    const windowMs = RETRY_AFTER_S * 1000 - 20;
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
    console.log(
      `[retry-after] 3 VUs: ${times.length} requests, at most ${busiest} in any ${windowMs} ms window`,
    );
    expect(times.length).toBeGreaterThanOrEqual(6);
    expect(busiest).toBeLessThanOrEqual(3);
  });
});
