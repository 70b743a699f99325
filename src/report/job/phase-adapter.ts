import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRuns } from '../../history/index.js';

/**
 * Loads a sibling phase module (src/verify, src/load) when its file exists. They
 * are built in parallel; until one lands the main job falls back to its self-check.
 * A module that exists but fails to load is an error, not a fallback.
 */
export async function optionalModule<T>(relativeTs: string): Promise<T | undefined> {
  const url = new URL(relativeTs, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  return (await import(url.href)) as T;
}

/**
 * A phase may write into a run folder of its own (reports/<its id>/) rather than
 * the one passed to it. Files of folders created during the phase are moved into
 * the job's folder (a clash gets a numeric suffix) and the empty folder removed,
 * so one run folder holds everything.
 */
export function adoptNewRunFolders(reportsDir: string, before: readonly string[], runDir: string, ownId: string): string[] {
  const moved: string[] = [];
  for (const id of listRuns(reportsDir).filter((r) => r !== ownId && !before.includes(r))) {
    const dir = join(reportsDir, id);
    for (const file of readdirSync(dir)) {
      if (!statSync(join(dir, file)).isFile()) continue;
      let dest = file;
      for (let n = 2; existsSync(join(runDir, dest)); n += 1) {
        const ext = file.endsWith('.json.gz') ? '.json.gz' : extname(file);
        dest = `${file.slice(0, file.length - ext.length)}-${n}${ext}`;
      }
      renameSync(join(dir, file), join(runDir, dest));
      moved.push(dest);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return moved;
}
