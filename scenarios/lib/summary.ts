// handleSummary shared by every bundle. `data` is k6's classic summary data — what k6 ≥ 1.0
// (2.x included) and the local engine hand handleSummary when run without
// --new-machine-readable-summary, and the only shape that carries each threshold's verdict on
// every one of them. Under the harness (HARNESS_SUMMARY_OUT set) it is written untouched to that
// file, and the harness turns it into load-summary.json and prints the threshold table itself.
// Run by hand (`k6 run dist/scenarios/x.js`), the console gets one line per threshold instead
// of k6's text summary, whose jslib would have to be fetched from the network.
// With HARNESS_SHARD_OUT set it also writes the shard manifest (schemas/shard-manifest.schema.json,
// SHARDS.md): which segment of which test this process ran, so `harness merge` can refuse a
// missing, duplicated or foreign shard.
import exec from 'k6/execution';
import { ENV } from './env.js';
import type { ShardManifest } from '../../src/types/generated/shard-manifest.js';

// Replaced by a content hash of the bundle at build time (src/load/build.ts, esbuild `define`);
// a bundle built another way (the transcripts' own builds) says so instead of failing.
declare const __HARNESS_BUNDLE_ID__: string;
declare const __HARNESS_SCENARIO__: string;

interface ClassicMetric {
  values?: Record<string, number>;
  thresholds?: Record<string, { ok?: boolean }>;
}

const AGGREGATION = /^\s*(avg|min|max|med|count|rate|value|p\(\s*[\d.]+\s*\))/;

function thresholdLines(data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const metrics = (data.metrics ?? {}) as Record<string, ClassicMetric>;
  for (const name of Object.keys(metrics).sort()) {
    const m = metrics[name];
    for (const [expression, t] of Object.entries(m.thresholds ?? {})) {
      const aggregation = AGGREGATION.exec(expression)?.[1]?.replace(/\s+/g, '');
      const value = aggregation === undefined ? undefined : m.values?.[aggregation];
      const measured = value === undefined ? '' : ` (${aggregation} = ${Number(value.toPrecision(4))})`;
      lines.push(`${t.ok === false ? '✗ crossed' : '✓ ok'} ${name}: ${expression}${measured}`);
    }
  }
  return lines;
}

/** k6 gives the segment as text ("1/3:2/3"), null (or nothing) when the run was not segmented. */
const textOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

function shardManifest(): ShardManifest {
  const options = exec.test.options as { executionSegment?: unknown; executionSegmentSequence?: unknown };
  return {
    schemaVersion: 1,
    segment: textOrNull(options.executionSegment),
    sequence: textOrNull(options.executionSegmentSequence),
    testId: textOrNull(__ENV.HARNESS_TEST_ID),
    scenario: typeof __HARNESS_SCENARIO__ === 'string' ? __HARNESS_SCENARIO__ : 'unknown',
    bundleId: typeof __HARNESS_BUNDLE_ID__ === 'string' ? __HARNESS_BUNDLE_ID__ : 'unbuilt',
    profile: ENV.profile,
    target: { name: ENV.target.name, baseUrl: ENV.target.baseUrl },
  };
}

export function handleSummary(data: Record<string, unknown>): Record<string, string> {
  const file = __ENV.HARNESS_SUMMARY_OUT;
  const shard = __ENV.HARNESS_SHARD_OUT;
  const out: Record<string, string> = {};
  if (file) out[file] = JSON.stringify(data);
  if (shard) out[shard] = JSON.stringify(shardManifest());
  if (!file) out.stdout = `thresholds:\n  ${thresholdLines(data).join('\n  ') || '(none)'}\n`;
  return out;
}
