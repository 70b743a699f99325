import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWorkflows } from '../../reference/index.js';
import { startHostile, type HostileServer } from '../../src/hostile/index.js';
import { runLoad } from '../../src/load/index.js';
import type { LoadRun } from '../../src/types/generated/load-run.js';

/**
 * Issue 6: the load engine child has a bound (loadTimeoutMs). Against the hostile `hang` target
 * the smoke profile would wait out k6's 30 s gracefulStop; with a 2 s bound the harness stops
 * the engine, names LOAD_TIMEOUT on the console and in load-run.json, and still writes its files.
 */
const KEY_ENV = 'HOSTILE_LOAD_TIMEOUT_KEY';
let hostile: HostileServer;
let dir: string;

beforeAll(async () => {
  hostile = await startHostile();
  dir = mkdtempSync(join(tmpdir(), 'harness-load-timeout-'));
  process.env[KEY_ENV] = 'load-timeout-canary-3f9a';
});
afterAll(async () => {
  await hostile.close();
  rmSync(dir, { recursive: true, force: true });
  delete process.env[KEY_ENV];
});

function hangProfile(): string {
  const example = listWorkflows().find((w) => w.id === '12345');
  if (example === undefined) throw new Error('the reference catalogue lost the docs example workflow');
  const fast = {
    workflowId: example.id,
    version: example.version,
    sampleInput: example.sampleInput,
    inputComponents: example.inputComponents,
    outputComponents: example.outputComponents,
  };
  const file = join(dir, 'hang.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'hostile-hang',
      baseUrl: hostile.baseUrl('hang'),
      apiKeyEnv: KEY_ENV,
      workflows: { fast },
    }),
  );
  return file;
}

describe('loadTimeoutMs', () => {
  it('hang + a 2 s bound: the engine is stopped, LOAD_TIMEOUT is printed and recorded, the report files are written', async () => {
    const lines: string[] = [];
    const started = Date.now();
    const result = await runLoad(
      {
        target: hangProfile(),
        timeScale: 0.02,
        faults: [],
        seed: 6,
        engine: 'local',
        loadProfile: 'smoke',
        reportsDir: dir,
        ci: true,
        loadTimeoutMs: 2000,
      },
      { scenario: 'sync-latency', log: (l) => lines.push(l), onEngineOutput: () => undefined },
    );
    const ms = Date.now() - started;
    console.log(`[robustness] load vs hang with loadTimeoutMs 2000: exit ${result.exitCode} after ${ms} ms`);
    // 2 s bound + at most the 5 s kill grace + start-up; the unbounded run would take over 30 s.
    expect(ms).toBeLessThan(15_000);
    expect(result.exitCode).toBe(99);
    expect(result.run.failures).toEqual([expect.objectContaining({ code: 'LOAD_TIMEOUT', boundMs: 2000 })]);
    expect(lines.join('\n')).toContain('LOAD_TIMEOUT');
    expect(lines.join('\n')).toContain(
      'within 2000 ms (loadTimeoutMs; raise with --load-timeout or HARNESS_LOAD_TIMEOUT_MS)',
    );
    const written = JSON.parse(readFileSync(join(result.runDir.path, 'load-run.json'), 'utf8')) as LoadRun;
    expect(written.failures?.[0]?.code).toBe('LOAD_TIMEOUT');
    expect(readFileSync(join(result.runDir.path, 'load.junit.xml'), 'utf8')).toMatch(
      /LOAD_TIMEOUT[\s\S]*<failure/,
    );
    expect(existsSync(join(result.runDir.path, 'load-run.json'))).toBe(true);
  }, 30_000);
});
