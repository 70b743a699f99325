import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSamples } from '../../src/compare/index.js';
import { type LoadConfig, buildScenarios, runLoad } from '../../src/load/index.js';
import { RAW_SYSTEM_TAGS, engineArgs, rawSystemTags } from '../../src/load/run-engine.js';
import { startEmbedded } from '../../src/target/index.js';

// What the engines write for the harness: only the system tags it reads (--system-tags), copied
// into the run folder. Each engine's samples keep every tag the harness reads and none of the
// dropped ones. Without K6_BIN the k6 half skips.
const reportsDir = mkdtempSync(join(tmpdir(), 'raw-output-'));
afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));
beforeAll(() => buildScenarios({ names: ['sync-latency'] }), 60_000);

const DROPPED = ['url', 'method', 'proto', 'tls_version', 'error', 'subproto', 'service'];

async function requestTags(engine: LoadConfig['engine']): Promise<Set<string>> {
  const config: LoadConfig = {
    timeScale: 0.02,
    faults: [],
    seed: 3,
    engine,
    loadProfile: 'smoke',
    reportsDir,
    ci: true,
  };
  const target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 3 });
  try {
    const result = await runLoad(config, {
      scenario: 'sync-latency',
      target,
      log: () => undefined,
      onEngineOutput: () => undefined,
    });
    expect(result.exitCode).toBe(0);
    expect(result.run.files?.samples).toBe('samples.json.gz');
    const { points, badLines } = await readSamples(join(result.runDir.path, 'samples.json.gz'));
    expect(badLines).toBe(0);
    const requests = points.filter((p) => p.metric === 'http_req_duration');
    expect(requests.length).toBeGreaterThan(0);
    return new Set(requests.flatMap((p) => Object.keys(p.tags)));
  } finally {
    await target.stop();
  }
}

function expectHarnessTags(keys: Set<string>): void {
  for (const tag of ['status', 'name', 'scenario', 'expected_response', 'endpoint'])
    expect(keys).toContain(tag);
  for (const tag of DROPPED) expect(keys).not.toContain(tag);
  for (const tag of DROPPED) expect(RAW_SYSTEM_TAGS).not.toContain(tag);
}

describe('raw output from the local engine', { timeout: 120_000 }, () => {
  it('keeps the system tags the harness reads and drops the others', async () => {
    expectHarnessTags(await requestTags('local'));
  });
});

const k6 = process.env.K6_BIN;
describe.skipIf(k6 === undefined || k6 === '')(
  'raw output from real k6 (K6_BIN; skipped without K6_BIN)',
  { timeout: 180_000 },
  () => {
    it('keeps the same tags as the local engine', async () => {
      const [fromK6, fromLocal] = [await requestTags('k6'), await requestTags('local')];
      expectHarnessTags(fromK6);
      expect([...fromK6].sort()).toEqual([...fromLocal].sort());
    });
  },
);

describe('which system tags the engines write', () => {
  it("adds a default system tag a threshold filters on, never a user tag, and passes them as k6's flag", () => {
    expect(rawSystemTags([])).toEqual(RAW_SYSTEM_TAGS);
    const tags = rawSystemTags([
      'http_req_duration{method:GET}',
      'http_req_duration{endpoint:executeWorkflow,url:http://x.invalid/y}',
      'http_req_failed{scenario:sync-latency}',
      'not a {valid key',
    ]);
    expect(tags).toEqual([...RAW_SYSTEM_TAGS, 'method', 'url']);
    const args = engineArgs({ script: 's.js', env: {}, samplesOut: 'o.json.gz', systemTags: tags });
    expect(args).toContain(`--system-tags=${tags.join(',')}`);
    expect(engineArgs({ script: 's.js', env: {}, samplesOut: 'o.json.gz' }).join(' ')).not.toMatch(
      /system-tags/,
    );
  });
});
