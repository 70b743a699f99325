import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunSamples } from '../../src/compare/index.js';
import { runLoad } from '../../src/load/index.js';
import { type RunningReference, startReference } from '../../reference/index.js';

/**
 * Issue 12: a target profile's maxRequestsPerSecond caps an endpoint's rate over all VUs.
 * 3 closed VUs for 3 s against the reference answer hundreds of sync calls uncapped; capped at
 * 4/s, each VU spaces its calls by 3/4 s, so at most 4 × 3 s + one first call per VU arrive.
 */
const CAP = 4;
const VUS = 3;
const SECONDS = 3;
let reference: RunningReference;
let dir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  reference = await startReference({ timeScale: 0.02, seed: 12 });
  Object.assign(process.env, reference.keyEnv());
  dir = mkdtempSync(join(tmpdir(), 'load-rate-cap-'));
});
afterAll(async () => {
  await reference.close();
  rmSync(dir, { recursive: true, force: true });
  process.env = savedEnv;
});

async function syncCalls(cap: number | undefined): Promise<{ calls: number; waitedMs: number }> {
  const name = cap === undefined ? 'uncapped' : 'capped';
  const file = join(dir, `${name}.json`);
  const profile = {
    ...reference.profile(),
    name,
    ...(cap === undefined ? {} : { maxRequestsPerSecond: { executeWorkflow: cap } }),
  };
  writeFileSync(file, JSON.stringify(profile));
  const result = await runLoad(
    {
      target: file,
      timeScale: 0.02,
      faults: [],
      seed: 12,
      engine: 'local',
      loadProfile: 'smoke',
      reportsDir: join(dir, `reports-${name}`),
      ci: true,
    },
    {
      scenario: 'sync-latency',
      extraEnv: {
        HARNESS_EXECUTOR: JSON.stringify({
          executor: 'constant-vus',
          vus: VUS,
          duration: `${SECONDS}s`,
          gracefulStop: '0s',
        }),
      },
      log: () => undefined,
      onEngineOutput: () => undefined,
    },
  );
  const { points } = await readRunSamples(result.runDir.path);
  const calls = points.filter(
    (p) => p.metric === 'http_reqs' && p.tags.endpoint === 'executeWorkflow',
  ).length;
  return { calls, waitedMs: result.run.pacing?.rateCapWaitMs ?? 0 };
}

describe("a target profile's maxRequestsPerSecond", () => {
  it(`caps executeWorkflow at ${CAP}/s over ${VUS} VUs; uncapped the same run sends far more`, async () => {
    const capped = await syncCalls(CAP);
    const uncapped = await syncCalls(undefined);
    console.log(
      `[rate-cap] capped ${capped.calls} calls (waited ${capped.waitedMs} ms), uncapped ${uncapped.calls}`,
    );
    expect(capped.calls).toBeGreaterThan(0);
    expect(capped.calls).toBeLessThanOrEqual(CAP * SECONDS + VUS);
    expect(capped.waitedMs).toBeGreaterThan(0);
    expect(uncapped.calls).toBeGreaterThan(3 * (CAP * SECONDS + VUS));
    expect(uncapped.waitedMs).toBe(0);
  });
});
