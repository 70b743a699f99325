import type { LoadRun } from '../types/generated/load-run.js';

type Threshold = NonNullable<LoadRun['thresholds']>[number];

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Threshold results from k6's --summary-export file: `metrics[name].thresholds` maps each
 * expression to a boolean that is true when it FAILED (k6's export format), or to
 * `{ ok }` (handleSummary's classic data). Both are read.
 */
export function thresholdsFromExport(exported: unknown): Threshold[] {
  const metrics =
    (
      exported as
        { metrics?: Record<string, { thresholds?: Record<string, boolean | { ok?: boolean }> }> } | undefined
    )?.metrics ?? {};
  const out: Threshold[] = [];
  for (const [metric, m] of Object.entries(metrics)) {
    for (const [expression, v] of Object.entries(m.thresholds ?? {}))
      out.push({ metric, expression, ok: typeof v === 'boolean' ? !v : v.ok !== false });
  }
  return out.sort((a, b) => a.metric.localeCompare(b.metric) || a.expression.localeCompare(b.expression));
}

/** One testcase per threshold, so CI shows which one a load run crossed. */
export function thresholdsJunit(suite: string, thresholds: readonly Threshold[], durationS: number): string {
  const failures = thresholds.filter((t) => !t.ok).length;
  const cases = thresholds.map((t) => {
    const name = xml(`${t.metric}: ${t.expression}`);
    return t.ok
      ? `    <testcase classname="${xml(suite)}" name="${name}"/>`
      : `    <testcase classname="${xml(suite)}" name="${name}">\n      <failure message="threshold crossed">Received: ${xml(t.metric)} did not satisfy / Documented: ${xml(t.expression)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="harness load" tests="${thresholds.length}" failures="${failures}" time="${durationS.toFixed(3)}">`,
    `  <testsuite name="${xml(suite)}" tests="${thresholds.length}" failures="${failures}" time="${durationS.toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
