// handleSummary shared by every bundle. With --new-machine-readable-summary (k6 ≥ 1.0, and the
// local engine) `data` is the machine-readable summary v1.0.0; the harness names the file to
// write in HARNESS_SUMMARY_OUT. The console gets a few lines instead of k6's text summary,
// whose jslib would have to be fetched from the network.
interface ThresholdLike {
  ok?: boolean;
}

function thresholdLines(data: Record<string, unknown>): string[] {
  const results = data.results as { passed?: boolean } | undefined;
  // v1.0.0 says only whether every threshold held; the per-threshold table is in --summary-export.
  if (typeof results?.passed === 'boolean')
    return [results.passed ? 'all thresholds held' : 'a threshold was crossed'];
  const lines: string[] = [];
  const metrics = data.metrics;
  if (typeof metrics === 'object' && metrics !== null) {
    for (const [name, m] of Object.entries(
      metrics as Record<string, { thresholds?: Record<string, ThresholdLike> }>,
    )) {
      for (const [source, t] of Object.entries(m.thresholds ?? {}))
        lines.push(`${t.ok === false ? '✗' : '✓'} ${name}: ${source}`);
    }
  }
  return lines;
}

export function handleSummary(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {
    stdout: `thresholds:\n  ${thresholdLines(data).join('\n  ') || '(none)'}\n`,
  };
  if (__ENV.HARNESS_SUMMARY_OUT) out[__ENV.HARNESS_SUMMARY_OUT] = JSON.stringify(data, null, 2);
  return out;
}
