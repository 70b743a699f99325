import type { LoadRun } from '../types/generated/load-run.js';
import type { LoadThreshold } from '../types/generated/load-summary.js';
import { formatMeasured } from './threshold-lines.js';

type Failure = NonNullable<LoadRun['failures']>[number];

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function testcase(suite: string, name: string, failure?: { message: string; body: string }): string {
  const head = `    <testcase classname="${xml(suite)}" name="${xml(name)}"`;
  return failure === undefined
    ? `${head}/>`
    : `${head}>\n      <failure message="${xml(failure.message)}">${xml(failure.body)}</failure>\n    </testcase>`;
}

function thresholdCase(suite: string, t: LoadThreshold): string {
  if (t.ok) return testcase(suite, `${t.metric}: ${t.expression}`);
  const measured = `${t.aggregation ?? 'value'} = ${formatMeasured(t)}`;
  return testcase(suite, `${t.metric}: ${t.expression}`, {
    message: `threshold crossed: ${measured}, limit ${t.limit ?? '?'} (${t.expression})`,
    body: `Received: ${t.metric} ${measured} / Documented: ${t.expression}${t.limit === null ? '' : ` (limit ${t.limit})`}`,
  });
}

/**
 * One testcase per threshold (a crossed one fails with its measured value and limit), plus
 * one failing testcase per named failure of the run itself (e.g. LOAD_TIMEOUT), so CI shows
 * what a load run crossed.
 */
export function thresholdsJunit(
  suite: string,
  thresholds: readonly LoadThreshold[],
  failures: readonly Failure[],
  durationS: number,
): string {
  const cases = [
    ...thresholds.map((t) => thresholdCase(suite, t)),
    ...failures.map((f) => testcase(suite, f.code, { message: f.code, body: f.message })),
  ];
  const failed = thresholds.filter((t) => !t.ok).length + failures.length;
  const time = durationS.toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="harness load" tests="${cases.length}" failures="${failed}" time="${time}">`,
    `  <testsuite name="${xml(suite)}" tests="${cases.length}" failures="${failed}" time="${time}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
