import type { LoadRun } from '../types/generated/load-run.js';
import { escapeHtml as e } from './html-escape.js';

type Shards = NonNullable<LoadRun['shards']>;

/**
 * How a sharded run was split (`harness load --shards N`, `harness merge`): one row per shard with
 * its segment and what it did, and how the merged percentiles were computed. Empty for one process.
 */
export function shardsSection(loadRun: Record<string, unknown> | undefined): string {
  const shards = loadRun?.shards as Shards | undefined;
  if (shards === undefined) return '';
  const p = shards.percentiles;
  const how =
    p.method === 'exact'
      ? `exact, from the union of the shards' raw samples (largest Trend: ${p.largestTrend} samples)`
      : `from mergeable HDR histograms, within ${p.relativeError * 100} % (largest Trend: ${p.largestTrend} samples, more than the ${p.exactLimit} kept exactly)`;
  const rows = shards.list
    .map(
      (s) =>
        `<tr><td>${s.index}</td><td>${e(s.segment)}</td><td>${s.iterations}</td><td>${s.requests}</td><td>${Math.round(s.durationMs)} ms</td><td>${s.exitCode === undefined ? '—' : `${s.exitCode}${s.timedOut === true ? ' (timed out)' : ''}`}</td></tr>`,
    )
    .join('');
  return `<section id="shards"><h2>Shards (${shards.count} engine processes, one verdict)</h2>
<p>Every threshold above was judged on the merged data. Percentiles: ${e(how)}. Test ${e(shards.testId ?? 'without id')}, bundle ${e(shards.bundleId)}.</p>
<table class=""><thead><tr><th>shard</th><th>segment</th><th>iterations</th><th>requests</th><th>duration</th><th>exit</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
