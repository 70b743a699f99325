import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scrub } from '../secrets/index.js';

export interface RunDir {
  readonly id: string;
  readonly path: string;
  /** Writes a file in the run folder; text is scrubbed of registered secrets. */
  write(name: string, content: string | Buffer): string;
}

/** A sortable, unique run id: 20261128-121530-a1b2. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Creates reports/<run-id>/ (or opens it when the id exists) and points reports/latest at it. */
export function createRunDir(reportsDir: string, id: string = newRunId()): RunDir {
  const path = resolve(reportsDir, id);
  mkdirSync(path, { recursive: true });
  const latest = join(resolve(reportsDir), 'latest');
  rmSync(latest, { force: true });
  symlinkSync(id, latest);
  return {
    id,
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, typeof content === 'string' ? scrub(content) : content);
      return file;
    },
  };
}
