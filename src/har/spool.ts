import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { harEntry, type Exchange } from './exchange.js';

/** At most this many entries in one HAR file; the rest are counted in `_harness.droppedEntries`. */
export const HAR_MAX_ENTRIES = 2000;
/** Each request and response body is cut to this many bytes (`content.comment` says so). */
export const HAR_MAX_BODY_BYTES = 64 * 1024;

/** One line of a spool file: a finished entry, or the mark of one past the cap. */
export type SpoolLine =
  | { readonly entry: ReturnType<typeof harEntry>['entry']; readonly truncated: number }
  | { readonly dropped: 1; readonly startedAt: number };

const counts = new Map<string, number>();

/**
 * Appends one exchange to this process/thread's own spool file in `dir` (checks run in
 * vitest worker threads, load VUs in the engine's process: no two writers share a file,
 * so no locking). Each writer stops recording entries past the cap and only marks them,
 * so a spool stays bounded; `collectHar` merges the spools into the HAR file.
 */
export function spoolExchange(dir: string, exchange: Exchange): void {
  const file = join(dir, `spool-${process.pid}-${threadId}.jsonl`);
  const count = (counts.get(file) ?? 0) + 1;
  counts.set(file, count);
  const line: SpoolLine =
    count > HAR_MAX_ENTRIES
      ? { dropped: 1, startedAt: exchange.startedAt }
      : harEntry(exchange, HAR_MAX_BODY_BYTES);
  mkdirSync(dir, { recursive: true });
  appendFileSync(file, JSON.stringify(line) + '\n');
}
