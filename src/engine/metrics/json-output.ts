import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { scrub } from '../../secrets/index.js';
import type { MetricEntry } from './metric-registry.js';
import type { Sample, Tags } from './types.js';

const FLUSH_AT = 64 * 1024;

/**
 * Epoch ms (fractional) → RFC 3339 with a fractional second, trailing zeros trimmed,
 * like Go's RFC3339Nano. A double holding epoch ms resolves ~0.25 µs, so the
 * fraction is rounded to whole microseconds rather than printing noise as ns.
 */
export function rfc3339Nano(epochMs: number): string {
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  const nanos = Math.round((epochMs - wholeSecondMs) * 1000) * 1000;
  const base = new Date(wholeSecondMs).toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(Math.min(nanos, 999_999_999)).padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** Tags with their keys in order, as k6 writes a tag set (Go sorts a map's keys); the same object when already so. */
function sortedTags(tags: Tags): Tags {
  const keys = Object.keys(tags);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) return Object.fromEntries(keys.sort().map((k) => [k, tags[k]]));
  }
  return tags;
}

/**
 * k6's JSON output (`--out json=file`): one `Metric` line when a metric gets its first
 * sample, then one `Point` line per sample, each with k6 v2.2.0's key order and tag order. Lines are batched into 64 KiB chunks,
 * scrubbed of secrets, and streamed (through gzip when the path ends in .gz), so
 * memory stays bounded by the chunk size plus what the stream has not yet flushed.
 */
export class JsonOutput {
  private readonly sink: Writable;
  private readonly file: Writable;
  private buffer = '';
  private closed = false;
  private failure: Error | null = null;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.file = createWriteStream(path);
    this.file.on('error', (err) => (this.failure ??= err));
    if (path.endsWith('.gz')) {
      const gzip = createGzip();
      gzip.on('error', (err) => (this.failure ??= err));
      gzip.pipe(this.file);
      this.sink = gzip;
    } else this.sink = this.file;
  }

  metric(entry: MetricEntry, thresholds: readonly string[]): void {
    const subs = [...entry.submetrics.values()].map((s) => ({
      name: s.name,
      suffix: s.name.slice(entry.name.length + 1, -1),
      tags: sortedTags(s.filters),
    }));
    this.line({
      type: 'Metric',
      data: {
        name: entry.name,
        type: entry.definition.type,
        contains: entry.definition.contains,
        thresholds,
        submetrics: subs.length === 0 ? null : subs,
      },
      metric: entry.name,
    });
  }

  point(sample: Sample): void {
    this.line({
      metric: sample.metric,
      type: 'Point',
      data: { time: rfc3339Nano(sample.time), value: sample.value, tags: sortedTags(sample.tags) },
    });
  }

  private line(value: unknown): void {
    if (this.closed) return;
    this.buffer += `${JSON.stringify(value)}\n`;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer === '') return;
    this.sink.write(scrub(this.buffer));
    this.buffer = '';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    // A file that already failed (e.g. could not be opened) is already closed: waiting for its
    // 'close' would hang the run forever instead of reporting the failure below.
    const finished = this.file.closed ? Promise.resolve() : once(this.file, 'close');
    this.sink.end();
    await finished;
    if (this.failure !== null) throw this.failure;
  }
}
