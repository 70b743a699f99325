import type { HarCaps } from '../types/generated/har.js';

/** What `--har` wrote: the file, its size, the entries kept and the caps with what they cut. */
export interface HarWritten {
  readonly file: string;
  readonly bytes: number;
  readonly entries: number;
  readonly caps: HarCaps;
}

/** The caps and what they cut, in one sentence (the file's log.comment and the console line). */
export function describeCaps(caps: HarCaps): string {
  const cut =
    caps.droppedEntries === 0 && caps.truncatedBodies === 0
      ? 'nothing cut'
      : `${caps.droppedEntries} entries past the cap NOT recorded, ${caps.truncatedBodies} bodies truncated`;
  return `caps: ${caps.maxEntries} entries, ${caps.maxBodyBytes} bytes per body; ${caps.recorded} exchanges seen, ${cut}`;
}
