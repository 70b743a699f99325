import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadConfig } from '../../src/load/index.js';
import { startEmbedded } from '../../src/target/index.js';

/**
 * What an engine benchmark runs against: one embedded reference at time scale 0.001 (seed 1) and
 * the local engine's load config writing to a scratch reports folder (`<name>-*` under the temp dir).
 * `close()` stops the reference and removes the folder.
 */
export async function embeddedBench(name: string, extra: Partial<LoadConfig> = {}) {
  const target = await startEmbedded({ timeScale: 0.001, faults: [], seed: 1 });
  const reportsDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const config: LoadConfig = {
    timeScale: 0.001,
    faults: [],
    seed: 1,
    engine: 'local',
    loadProfile: 'smoke',
    reportsDir,
    ci: true,
    ...extra,
  };
  const close = async (): Promise<void> => {
    await target.stop();
    rmSync(reportsDir, { recursive: true, force: true });
  };
  return { target, config, close };
}
