import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Every value of `metric` in k6 JSON output files, read here without the harness's readers. */
export function valuesOf(files: readonly string[], metric: string): number[] {
  const values: number[] = [];
  for (const file of files)
    for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
      if (line === '') continue;
      const parsed = JSON.parse(line) as { type: string; metric: string; data: { value: number } };
      if (parsed.type === 'Point' && parsed.metric === metric) values.push(parsed.data.value);
    }
  return values;
}

/** k6's percentile: linear interpolation between the closest ranks at p·(n−1). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = p * (sorted.length - 1);
  const lo = sorted[Math.floor(i)];
  const hi = sorted[Math.ceil(i)];
  return lo + (hi - lo) * (i - Math.floor(i));
}
