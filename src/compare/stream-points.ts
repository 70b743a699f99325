import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { JsonLine, MetricDeclaration } from './samples.js';

export interface PointSink {
  point(metric: string, time: number, value: number, tags: Readonly<Record<string, string>>): void;
  declare(metric: MetricDeclaration): void;
}

/**
 * Streams one k6 JSON output file (NDJSON, gzipped when .gz) into `sink`, one line at a time with
 * its full tags (a sub-metric filter may name any tag), keeping nothing. Resolves with the count
 * of unreadable lines: an engine stopped mid-write leaves a torn last line.
 */
export async function streamPoints(file: string, sink: PointSink): Promise<number> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  let badLines = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let parsed: JsonLine;
    try {
      parsed = JSON.parse(line) as JsonLine;
    } catch {
      badLines += 1;
      continue;
    }
    const data = parsed.data;
    if (parsed.type === 'Point' && typeof parsed.metric === 'string' && typeof data?.value === 'number')
      sink.point(parsed.metric, Date.parse(data.time ?? ''), data.value, data.tags ?? {});
    else if (parsed.type === 'Metric' && data !== undefined) {
      const name = data.name ?? parsed.metric ?? '';
      sink.declare({ name, type: data.type ?? 'trend', contains: data.contains ?? 'default' });
    } else badLines += 1;
  }
  return badLines;
}
