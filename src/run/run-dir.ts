import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scrub } from '../secrets/index.js';

export interface RunDir {
  readonly id: string;
  readonly path: string;
  /**
   * Writes a file in the run folder (created on the first write); text is scrubbed of
   * registered secrets. A written file is a result, so reports/latest moves to this run,
   * unless `latest: false` (bookkeeping such as run.json of a run that never measured anything).
   */
  write(name: string, content: string | Buffer, options?: { readonly latest?: boolean }): string;
}

/** A sortable, unique run id: 20261128-121530-a1b2. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Points reports/latest at the run (replaced atomically, so a reader never sees it missing). */
function pointLatest(reportsDir: string, id: string): void {
  const tmp = join(reportsDir, `.latest-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(id, tmp);
  renameSync(tmp, join(reportsDir, 'latest'));
}

/**
 * reports/<run-id>/ for one run. Nothing is created until a file is written, and
 * reports/latest moves only when a run produces results: a run stopped by an unreachable
 * target or a bad setting leaves `latest` on the last run that measured something.
 */
export function createRunDir(reportsDir: string, id: string = newRunId()): RunDir {
  const root = resolve(reportsDir);
  const path = join(root, id);
  let isLatest = false;
  return {
    id,
    path,
    write(name, content, options = {}) {
      mkdirSync(path, { recursive: true });
      const file = join(path, name);
      writeFileSync(file, typeof content === 'string' ? scrub(content) : content);
      if (options.latest !== false && !isLatest) {
        pointLatest(root, id);
        isLatest = true;
      }
      return file;
    },
  };
}
