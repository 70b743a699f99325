// handleSummary shared by every bundle. With --new-machine-readable-summary (k6 ≥ 1.0, and the
// local engine) `data` is the machine-readable summary v1.0.0; the harness names the file to
// write in HARNESS_SUMMARY_OUT. The console gets a few lines instead of k6's text summary,
// whose jslib would have to be fetched from the network.
interface ThresholdLike { ok?: boolean }

function thresholdLines(data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const metrics = data.metrics;
  if (Array.isArray(metrics)) {
    // v1.0.0: metrics is an array of { name, thresholds?: [{ source, ok }] }.
    for (const m of metrics as { name: string; thresholds?: { source: string; ok: boolean }[] }[]) {
      for (const t of m.thresholds ?? []) lines.push(`${t.ok ? '✓' : '✗'} ${m.name}: ${t.source}`);
    }
  } else if (typeof metrics === 'object' && metrics !== null) {
    for (const [name, m] of Object.entries(metrics as Record<string, { thresholds?: Record<string, ThresholdLike> }>)) {
      for (const [source, t] of Object.entries(m.thresholds ?? {})) lines.push(`${t.ok === false ? '✗' : '✓'} ${name}: ${source}`);
    }
  }
  return lines;
}

export function handleSummary(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { stdout: `thresholds:\n  ${thresholdLines(data).join('\n  ') || '(none)'}\n` };
  if (__ENV.HARNESS_SUMMARY_OUT) out[__ENV.HARNESS_SUMMARY_OUT] = JSON.stringify(data, null, 2);
  return out;
}
