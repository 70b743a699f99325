import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../config/index.js';
import { scrubValue } from '../secrets/index.js';
import type { HarCaps, HarEntry, HarFile } from '../types/generated/har.js';
import { describeCaps, type HarWritten } from './describe-caps.js';
import { HAR_MAX_BODY_BYTES, HAR_MAX_ENTRIES, type SpoolLine } from './spool.js';

/**
 * Merges the spool files of `spoolDir` (one per worker) into one HAR 1.2 file, entries in
 * the order they started, at most HAR_MAX_ENTRIES of them (the earliest): whatever a cap
 * cut is counted in `_harness` and said in `log.comment`. Written scrubbed of secrets.
 */
export function collectHar(spoolDir: string, file: string, comment: string): HarWritten {
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const creator = { name, version, comment };
  const entries: HarEntry[] = [];
  let dropped = 0;
  let truncated = 0;
  let names: string[] = [];
  try {
    names = readdirSync(spoolDir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    // No spool at all: no exchange was made (every check skipped).
  }
  for (const name of names.sort()) {
    for (const text of readFileSync(join(spoolDir, name), 'utf8').split('\n')) {
      if (text === '') continue;
      const line = JSON.parse(text) as SpoolLine;
      if ('dropped' in line) dropped += 1;
      else {
        entries.push(line.entry);
        truncated += line.truncated;
      }
    }
  }
  entries.sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  const kept = entries.slice(0, HAR_MAX_ENTRIES);
  const caps: HarCaps = {
    maxEntries: HAR_MAX_ENTRIES,
    maxBodyBytes: HAR_MAX_BODY_BYTES,
    recorded: entries.length + dropped,
    droppedEntries: dropped + entries.length - kept.length,
    truncatedBodies: truncated,
  };
  const har: HarFile = scrubValue({
    log: { version: '1.2', creator, entries: kept, comment: describeCaps(caps), _harness: caps },
  });
  const text = JSON.stringify(har, null, 1) + '\n';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), entries: kept.length, caps };
}
