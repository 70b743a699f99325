import type { LoadThreshold } from '../types/generated/load-summary.js';

/** The measured value as people read it: 4 significant digits, "no value" when unknown. */
export function formatMeasured(t: Pick<LoadThreshold, 'measured' | 'measuredFrom'>): string {
  if (t.measured === null) return 'no value';
  const v = Number.isInteger(t.measured) ? String(t.measured) : String(Number(t.measured.toPrecision(4)));
  return t.measuredFrom === 'samples' ? `${v} (from the raw samples)` : v;
}

/** One console line per threshold: verdict, key, expression, what was measured against the limit. */
export function thresholdLines(thresholds: readonly LoadThreshold[]): string[] {
  if (thresholds.length === 0) return ['thresholds: none reported by the engine'];
  const width = Math.max(...thresholds.map((t) => `${t.metric} ${t.expression}`.length));
  return [
    `thresholds (${thresholds.filter((t) => !t.ok).length} crossed of ${thresholds.length}):`,
    ...thresholds.map(
      (t) =>
        `  ${t.ok ? '✓ ok     ' : '✗ CROSSED'} ${`${t.metric} ${t.expression}`.padEnd(width)}  measured ${t.aggregation ?? 'value'} = ${formatMeasured(t)}${t.limit === null ? '' : `, limit ${t.limit}`}`,
    ),
  ];
}
