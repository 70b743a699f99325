import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadConfig, type LoadResult, buildScenarios, runLoad } from '../../src/load/index.js';
import { startEmbedded } from '../../src/target/index.js';
import { CROSSING_THRESHOLDS } from './crossing-thresholds.js';
import { expectCrossedEverywhere, shapeOf } from './expect-crossed.js';
import { recordedRun } from './recorded-k6.js';

// sync-latency with two thresholds no deployment can meet, on each engine: every verdict, with
// its measured value, reaches every output. Without K6_BIN the k6 half skips (and CI covers
// k6's side with the recorded run in k6-recorded-summary.test.ts).
const reportsDir = mkdtempSync(join(tmpdir(), 'thresholds-both-'));
afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));
beforeAll(() => buildScenarios({ names: ['sync-latency'] }), 60_000);

async function crossingRun(engine: LoadConfig['engine']): Promise<{ result: LoadResult; lines: string[] }> {
  const config: LoadConfig = {
    timeScale: 0.02,
    faults: [],
    seed: 5,
    engine,
    loadProfile: 'smoke',
    reportsDir,
    ci: true,
  };
  const target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 5 });
  try {
    const lines: string[] = [];
    const profile = { ...target.profile, thresholds: CROSSING_THRESHOLDS };
    const result = await runLoad(config, {
      scenario: 'sync-latency',
      target: { ...target, profile },
      log: (l) => lines.push(l),
      onEngineOutput: () => undefined,
    });
    return { result, lines };
  } finally {
    await target.stop();
  }
}

describe('thresholds from the local engine', { timeout: 120_000 }, () => {
  it('a crossed threshold appears with its value in every output, in the shape real k6 gives (recorded)', async () => {
    const { result, lines } = await crossingRun('local');
    const summary = await expectCrossedEverywhere(result, lines, reportsDir);
    expect(summary.engine).toEqual({ kind: 'local', version: null });
    expect(shapeOf(summary)).toEqual(shapeOf((await recordedRun()).summary));
  });
});

const k6 = process.env.K6_BIN;
describe.skipIf(k6 === undefined || k6 === '')(
  'thresholds from real k6 (K6_BIN; skipped without K6_BIN)',
  { timeout: 180_000 },
  () => {
    it('a crossed threshold appears with its value in every output, and the summary has the local engine’s shape', async () => {
      const [fromK6, fromLocal] = [await crossingRun('k6'), await crossingRun('local')];
      const summary = await expectCrossedEverywhere(fromK6.result, fromK6.lines, reportsDir);
      expect(summary.engine.kind).toBe('k6');
      // A smoke run is shorter than the dashboard's period: k6 skips its export, and the run says why.
      expect(fromK6.result.run.dashboard).toMatchObject({ host: '127.0.0.1', exported: false });
      expect(fromK6.result.run.dashboard?.reason).toMatch(/^k6: .*not enough data/);
      expect(fromK6.lines).toContainEqual(expect.stringContaining('no web dashboard export — k6:'));
      const local = await expectCrossedEverywhere(fromLocal.result, fromLocal.lines, reportsDir);
      expect(shapeOf(summary)).toEqual(shapeOf(local));
    });
  },
);
