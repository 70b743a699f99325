import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';

/**
 * Gzips `from` into `to`, streaming: memory stays flat whatever the file's size, and the work
 * happens after the load, so the engine does not pay for compression while it measures.
 * Fastest level: the samples are read once or twice, and a long run's file is written at its end.
 */
export async function gzipFile(from: string, to: string): Promise<void> {
  await pipeline(
    createReadStream(from),
    createGzip({ level: constants.Z_BEST_SPEED }),
    createWriteStream(to),
  );
}
