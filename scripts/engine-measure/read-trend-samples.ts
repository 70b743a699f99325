import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/**
 * Every value of one metric from a k6 NDJSON sample file (`--out json=…gz`), streamed: a soak's
 * file holds millions of points, and only one metric's numbers need to stay in memory.
 */
export async function readTrendSamples(file: string, metric: string): Promise<Float64Array> {
  let values = new Float64Array(1 << 16);
  let count = 0;
  const needle = `"metric":"${metric}"`;
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.includes('"type":"Point"') || !line.includes(needle)) continue;
    const point = JSON.parse(line) as { metric: string; data: { value: number } };
    if (point.metric !== metric) continue;
    if (count === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[count++] = point.data.value;
  }
  return values.slice(0, count);
}
