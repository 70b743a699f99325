import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAjv } from '../../src/contract/index.js';
import type { HarWritten } from '../../src/har/index.js';
import { type LoadConfig, runLoad } from '../../src/load/index.js';
import { startEmbedded, type ResolvedTarget } from '../../src/target/index.js';
import type { HarFile } from '../../src/types/generated/har.js';
import { fakeK6 } from '../load/fake-k6.js';

const validate = createAjv().getSchema('https://workflow-harness.example.org/schemas/har.schema.json');
const work = mkdtempSync(join(tmpdir(), 'load-har-'));
const config: LoadConfig = {
  timeScale: 0.02,
  faults: [],
  seed: 7,
  engine: 'local',
  loadProfile: 'smoke',
  reportsDir: work,
  ci: true,
};

/** `harness load --har`: the local engine's k6/http spools the first iterations of a scenario. */
describe('load --har records the first iterations through the local engine', () => {
  const file = join(work, 'load.har');
  let target: ResolvedTarget;
  let written: HarWritten | undefined;
  let har: HarFile;
  let text: string;
  const lines: string[] = [];

  beforeAll(async () => {
    target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 7 });
    const result = await runLoad(config, {
      scenario: 'sync-latency',
      target,
      har: { file, iterations: 2 },
      onHar: (w) => (written = w),
      log: (l) => lines.push(l),
      onEngineOutput: () => undefined,
    });
    expect(result.exitCode).toBe(0);
    text = readFileSync(file, 'utf8');
    har = JSON.parse(text) as HarFile;
  }, 120_000);
  afterAll(async () => {
    await target.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('is valid HAR 1.2 holding only the first 2 iterations, with the engine-measured phases', () => {
    expect(validate?.(har), JSON.stringify(validate?.errors)).toBe(true);
    expect(har.log.entries.length).toBeGreaterThanOrEqual(2);
    const iterations = new Set(har.log.entries.map((e) => /iteration (\d+)/.exec(e.comment ?? '')?.[1]));
    expect([...iterations].sort()).toEqual(['0', '1']);
    for (const e of har.log.entries) {
      expect(e.request.url.startsWith(target.profile.baseUrl)).toBe(true);
      expect(e.response.status).toBe(200);
      expect(e.timings.ssl).toBe(-1);
      expect(e.timings.wait).toBeGreaterThan(0);
    }
    expect(written?.entries).toBe(har.log.entries.length);
    expect(lines.some((l) => l.startsWith(`har: ${file} (${har.log.entries.length} entries`))).toBe(true);
  });

  it('never contains the API key', () => {
    expect(text).not.toContain(target.keys.main);
    const keys = har.log.entries.flatMap((e) => e.request.headers.filter((h) => /^x-api-key$/i.test(h.name)));
    expect(keys.length).toBe(har.log.entries.length);
    for (const h of keys) expect(h.value).toBe('[REDACTED]');
  });

  it('refuses k6 as the engine (a stand-in binary here), saying why', async () => {
    vi.stubEnv('K6_BIN', fakeK6('1.2.0').bin);
    await expect(
      runLoad(
        { ...config, engine: 'k6' },
        { scenario: 'sync-latency', target, har: { file, iterations: 1 }, log: () => undefined },
      ),
    ).rejects.toThrow(/needs the local engine/);
    vi.unstubAllEnvs();
  });
});
