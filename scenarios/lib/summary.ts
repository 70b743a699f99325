// handleSummary shared by every bundle. `data` is k6's classic summary data — what k6 ≥ 1.0
// (2.x included) and the local engine hand handleSummary when run without
// --new-machine-readable-summary, and the only shape that carries each threshold's verdict on
// every one of them. Under the harness (HARNESS_SUMMARY_OUT set) it is written untouched to that
// file, and the harness turns it into load-summary.json and prints the threshold table itself.
// Run by hand (`k6 run dist/scenarios/x.js`), the console gets one line per threshold instead
// of k6's text summary, whose jslib would have to be fetched from the network.
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

export function handleSummary(data: Record<string, unknown>): Record<string, string> {
  const file = __ENV.HARNESS_SUMMARY_OUT;
  if (file) return { [file]: JSON.stringify(data) };
  return { stdout: `thresholds:\n  ${thresholdLines(data).join('\n  ') || '(none)'}\n` };
}
