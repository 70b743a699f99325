import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { HarnessError } from '../errors/index.js';
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
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      addLine(into, text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  addLine(into, rest);
  return into;
}
