import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { HarnessError } from '../errors/index.js';
import { BytePointReader } from './byte-point.js';
import { addPointFast } from './fast-point.js';
import { addPoint, emptyAggregates, type RunAggregates } from './run-aggregates.js';
import type { JsonLine } from './samples.js';

function addLine(into: RunAggregates, line: string): void {
  if (line.length === 0 || addPointFast(into, line) || line.trim() === '') return;
  let parsed: JsonLine;
  try {
    parsed = JSON.parse(line) as JsonLine;
  } catch {
    into.badLines += 1;
    return;
  }
  const data = parsed.data;
  if (parsed.type === 'Point' && typeof parsed.metric === 'string' && typeof data?.value === 'number')
    addPoint(into, parsed.metric, data.value, Date.parse(data.time ?? ''), data.tags ?? {});
  else if (parsed.type === 'Metric' && data !== undefined) {
    const name = data.name ?? parsed.metric ?? '';
    into.metrics.set(name, { name, type: data.type ?? 'trend', contains: data.contains ?? 'default' });
  } else into.badLines += 1;
}

/**
 * Streams a k6 JSON output file (NDJSON, gzipped when it ends in .gz; k6's and the local
 * engine's) once into `into`, keeping no sample: memory stays bounded however long the run.
 * Bad lines are counted, not fatal: an engine killed mid-write leaves a torn last line.
 */
export async function readAggregates(
  file: string,
  into: RunAggregates = emptyAggregates(),
): Promise<RunAggregates> {
  if (!existsSync(file)) {
    throw new HarnessError('HARNESS_ERR_RUN_INCOMPLETE', `no raw samples at ${file}`, {
      hint: 'Point at a run folder written by `harness run` or `harness load` (it holds samples.json.gz).',
    });
  }
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  // Lines are read from the bytes (BytePointReader); only a line it refuses becomes a string.
  const reader = new BytePointReader(into);
  const line = (buf: Buffer, start: number, end: number): void => {
    const to = end > start && buf[end - 1] === 13 /* \r */ ? end - 1 : end;
    if (to > start && reader.add(buf, start, to)) return;
    addLine(into, buf.toString('utf8', start, to));
  };
  let rest: Buffer | undefined;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    if (rest !== undefined) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      const joined = Buffer.concat([rest, chunk.subarray(0, nl)]);
      line(joined, 0, joined.length);
      start = nl + 1;
    }
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      line(chunk, start, nl);
      start = nl + 1;
    }
    // A copy: the torn line must not keep the whole chunk alive.
    rest = start < chunk.length ? Buffer.from(chunk.subarray(start)) : undefined;
  }
  if (rest !== undefined) line(rest, 0, rest.length);
  return into;
}
