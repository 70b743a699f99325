import { execFileSync } from 'node:child_process';

/**
 * vitest globalSetup: compiles the CLI once before any test file runs. Tests that spawn
 * bin/harness.mjs or bin/local-engine.mjs would rebuild a stale build themselves (the bins
 * check the sources' fingerprint), but then inside some test's time bound, several at once.
 */
export default function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
