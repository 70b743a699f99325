import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LoadConfig, buildScenarios, runLoad } from '../../src/load/index.js';
import { durations, writeShard } from './fixture-shards.js';

// A shard that is stopped (loadTimeoutMs) or interrupted makes the whole run incomplete: never a
// pass, whatever the other shards measured.
const root = mkdtempSync(join(tmpdir(), 'shard-failures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());
beforeAll(() => buildScenarios({ names: ['sync-latency'] }), 60_000);

const config = (engine: LoadConfig['engine'], loadTimeoutMs?: number): LoadConfig => ({
  timeScale: 0.02,
  faults: [],
  seed: 2,
  engine,
  loadProfile: 'smoke',
  reportsDir: join(root, 'reports'),
  ci: true,
  ...(loadTimeoutMs === undefined ? {} : { loadTimeoutMs }),
});

/** A stand-in k6: the first segment leaves a good shard folder, the second exits as if interrupted (130). */
function interruptedK6(): string {
  const good = writeShard(join(root, 'good'), { segment: '0:1/2', durations: durations(20, 4) });
  const bin = join(root, 'k6');
  writeFileSync(
    bin,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
if (args[0] === 'version') { console.log('k6 v2.2.0 (go1.24.4, linux/amd64)'); process.exit(0); }
if (args[args.indexOf('--execution-segment') + 1] !== '0:1/2') process.exit(130);
const out = args[args.indexOf('--out') + 1].slice('json='.length);
fs.copyFileSync(${JSON.stringify(join(good, 'samples.json.gz'))}, out);
fs.copyFileSync(${JSON.stringify(join(good, 'summary-data.json'))}, process.env.HARNESS_SUMMARY_OUT);
const shard = JSON.parse(fs.readFileSync(${JSON.stringify(join(good, 'shard.json'))}, 'utf8'));
fs.writeFileSync(process.env.HARNESS_SHARD_OUT, JSON.stringify({ ...shard, sequence: '0,1/2,1', testId: process.env.HARNESS_TEST_ID }));
`,
  );
  chmodSync(bin, 0o755);
  return bin;
}

describe('harness load --shards N: a failed shard fails the run', () => {
  it('a shard stopped at loadTimeoutMs: LOAD_TIMEOUT, exit 99, not passed', async () => {
    const result = await runLoad(config('local', 1500), {
      scenario: 'sync-latency',
      shards: 2,
      extraEnv: { HARNESS_EXECUTOR: JSON.stringify({ executor: 'constant-vus', vus: 2, duration: '60s' }) },
      log: () => undefined,
      onEngineOutput: () => undefined,
    });
    expect(result.run.failures?.map((f) => f.code)).toContain('LOAD_TIMEOUT');
    expect(result.exitCode).toBe(99);
    expect(result.run.thresholdsPassed).toBe(false);
    if (result.run.shards !== undefined)
      expect(result.run.shards.list.some((s) => s.timedOut === true)).toBe(true);
  }, 60_000);

  it('an interrupted shard (exit 130) makes the run exit 130 with SHARDS_INCOMPLETE, though the other shard passed', async () => {
    vi.stubEnv('K6_BIN', interruptedK6());
    const lines: string[] = [];
    const result = await runLoad(config('k6'), {
      scenario: 'sync-latency',
      shards: 2,
      log: (l) => lines.push(l),
      onEngineOutput: () => undefined,
    });
    expect(result.exitCode).toBe(130);
    expect(result.run.thresholdsPassed).toBe(false);
    expect(result.run.failures?.map((f) => f.code)).toContain('SHARDS_INCOMPLETE');
    expect(lines.join('\n')).toMatch(
      /SHARDS_INCOMPLETE — the shards cannot be merged: .*shards\/1 has no shard\.json/,
    );
  }, 60_000);
});
