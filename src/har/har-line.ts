import { describeCaps, type HarWritten } from './describe-caps.js';

/** The console line after a `--har` run: where, how big, and what the caps cut (never silent). */
export function harLine(har: HarWritten): string {
  const cut = har.caps.droppedEntries > 0 || har.caps.truncatedBodies > 0;
  return `har: ${har.file} (${har.entries} entries, ${(har.bytes / 1024).toFixed(1)} KiB; ${describeCaps(har.caps)})${cut ? ' — see log._harness in the file' : ''}\n`;
}
