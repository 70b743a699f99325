import type { LegacyGroup } from './root-group.js';
import type { LegacySummaryData } from './summary-types.js';

interface ExportGroup {
  name: string;
  path: string;
  id: string;
  groups: Record<string, ExportGroup>;
  checks: Record<string, { name: string; path: string; id: string; passes: number; fails: number }>;
}

function exportGroup(group: LegacyGroup): ExportGroup {
  return {
    name: group.name,
    path: group.path,
    id: group.id,
    groups: Object.fromEntries(group.groups.map((g) => [g.name, exportGroup(g)])),
    checks: Object.fromEntries(group.checks.map((c) => [c.name, { ...c }])),
  };
}

/**
 * k6's `--summary-export` file (without --new-machine-readable-summary), as k6 v2.2.0
 * writes it: only root_group and metrics; groups and checks keyed by name; each metric's
 * values flat, a rate's as {passes, fails, value}; thresholds as {expression: crossed} —
 * true means the threshold FAILED (the opposite of handleSummary's `ok`).
 */
export function summaryExport(data: LegacySummaryData): Record<string, unknown> {
  const metrics: Record<string, Record<string, unknown>> = {};
  for (const [name, metric] of Object.entries(data.metrics)) {
    const v = metric.values;
    const values: Record<string, unknown> =
      metric.type === 'rate' ? { passes: v.passes, fails: v.fails, value: v.rate } : { ...v };
    if (metric.thresholds !== undefined)
      values.thresholds = Object.fromEntries(
        Object.entries(metric.thresholds).map(([expr, t]) => [expr, !t.ok]),
      );
    metrics[name] = values;
  }
  return {
    root_group: exportGroup(data.root_group),
    metrics,
    // k6 writes what setup() returned, as handleSummary's data has it.
    ...(data.setup_data === undefined ? {} : { setup_data: data.setup_data }),
  };
}
