import { existsSync } from 'node:fs';
import { streamPoints } from './stream-points.js';
import { HarnessError } from '../errors/index.js';

/** One Point line of k6's JSON output, with its time as epoch milliseconds. */
export interface RawSample {
  readonly metric: string;
  readonly time: number;
  readonly value: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** What a Metric line declares about a metric (k6's JSON output `type: "Metric"`). */
export interface MetricDeclaration {
  readonly name: string;
  readonly type: string;
  readonly contains: string;
}

export interface SampleSet {
  readonly points: readonly RawSample[];
  readonly metrics: ReadonlyMap<string, MetricDeclaration>;
}

/** One line of k6's JSON output (a Point or a Metric declaration), as both engines write it. */
export interface JsonLine {
  type?: string;
  metric?: string;
  data?: {
    time?: string;
    value?: number;
    tags?: Record<string, string> | null;
    name?: string;
    type?: string;
    contains?: string;
  };
}

/**
 * Streams a k6 JSON output file (NDJSON, gzipped when it ends in .gz) — the same
 * format from k6 and the local engine — into memory. Bad lines are counted, not fatal:
 * an engine killed mid-write leaves a torn last line.
 */
export async function readSamples(file: string): Promise<SampleSet & { readonly badLines: number }> {
  if (!existsSync(file)) {
    throw new HarnessError('HARNESS_ERR_RUN_INCOMPLETE', `no raw samples at ${file}`, {
      hint: 'Point at a run folder written by `harness run` or `harness load` (it holds samples.json.gz).',
    });
  }
  const points: RawSample[] = [];
  const metrics = new Map<string, MetricDeclaration>();
  const badLines = await streamPoints(file, {
    point: (metric, time, value, tags) => points.push({ metric, time, value, tags }),
    declare: (metric) => metrics.set(metric.name, metric),
  });
  return { points, metrics, badLines };
}

/** Where a sample's endpoint is named: the harness's `endpoint` tag, else k6's `name`. */
export function endpointOf(sample: RawSample): string {
  return sample.tags.endpoint ?? sample.tags.name ?? 'all';
}

/**
 * The series a latency belongs to: its endpoint, plus the workflow role when the
 * scenario tags it, so a slow workflow's timeouts cannot hide a fast one's regression.
 */
export function seriesOf(sample: RawSample): string {
  const workflow = sample.tags.workflow;
  return workflow === undefined ? endpointOf(sample) : `${endpointOf(sample)} (${workflow})`;
}
