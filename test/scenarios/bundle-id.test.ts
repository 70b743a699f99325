import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/index.js';

/**
 * A shard's manifest names its bundle by a hash of the bundle's text, and `harness merge` refuses
 * shards of different bundles: the same sources must give the same id wherever the build runs
 * from (esbuild names each source in a comment, relative to its working directory).
 */
function bundleIdBuiltFrom(cwd: string, dir: string): string {
  const script = join(dir, 'build.mts');
  const build = pathToFileURL(join(REPO_ROOT, 'src', 'load', 'build.ts')).href;
  writeFileSync(
    script,
    `import { buildScenarios } from '${build}';\nconst [b] = await buildScenarios({ names: ['sync-latency'] });\nprocess.stdout.write(b.bundleId);\n`,
  );
  const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return execFileSync(process.execPath, [tsx, script], { cwd, encoding: 'utf8', timeout: 60_000 });
}

describe('bundleId', () => {
  it('is the same whatever the working directory of the build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-id-'));
    try {
      const fromRepo = bundleIdBuiltFrom(REPO_ROOT, dir);
      expect(fromRepo).toMatch(/^[0-9a-f]{16}$/);
      expect(bundleIdBuiltFrom(dir, dir)).toBe(fromRepo);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
