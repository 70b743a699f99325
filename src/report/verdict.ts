import { escapeHtml as e } from './html-escape.js';
import type { ReportData } from './report-data.js';

interface Threshold {
  readonly metric: string;
  readonly expression: string;
  readonly ok: boolean;
  readonly [more: string]: unknown;
}

interface Line {
  readonly bad: boolean;
  /** Only for the incomplete line: something the run should have done is missing (not just a skipped check). */
  readonly missing?: boolean;
  readonly head: string;
  readonly items: readonly string[];
}

const MAX_ITEMS = 4;
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A measured value the load side may record beside a threshold (whatever it calls it). */
function measured(t: Threshold): string {
  for (const key of ['measured', 'value', 'actual'])
    if (typeof t[key] === 'number') return ` (measured ${String(t[key])})`;
  return '';
}

function contractLine(data: ReportData): Line {
  const failed = (data.verify?.checks ?? []).filter((c) => c.outcome === 'failed');
  return {
    bad: failed.length > 0,
    head:
      data.verify === undefined ? 'Contract failures: not verified' : `Contract failures: ${failed.length}`,
    items: failed.map((c) => `${c.id}: ${c.failures[0]?.message ?? 'failed'}`),
  };
}

function thresholdLine(data: ReportData): Line {
  const all = (data.loadRun?.thresholds ?? []) as Threshold[];
  const crossed = all.filter((t) => t.ok === false);
  return {
    bad: crossed.length > 0,
    head:
      data.loadRun === undefined
        ? 'Crossed thresholds: no load run'
        : `Crossed thresholds: ${crossed.length} of ${all.length}`,
    items: crossed.map((t) => `${t.metric}: ${t.expression}${measured(t)}`),
  };
}

function regressionLine(data: ReportData): Line {
  const c = data.comparison;
  const regressed = (c?.comparisons ?? []).filter((m) => m.verdict === 'regression');
  return {
    bad: regressed.length > 0,
    head:
      c === undefined
        ? `Regressions: not compared (${data.comparisonNote ?? 'no baseline'})`
        : `Regressions against baseline ${c.baselineRun}: ${regressed.length}`,
    items: regressed.map(
      (m) =>
        `${m.metric} ${m.endpoint}: p95 ${pct(m.change.estimate)} (95 % CI ${pct(m.change.lower)} to ${pct(m.change.upper)})`,
    ),
  };
}

function creditLine(data: ReportData): Line {
  const credits = data.loadRun?.credits as
    { spent: number; budget: number | 'unlimited'; budgetSpent: boolean } | undefined;
  const spent = credits?.spent ?? data.summary?.creditsUsed;
  const budget =
    credits === undefined
      ? ''
      : credits.budget === 'unlimited'
        ? ' (budget unlimited)'
        : ` of a ${int(credits.budget)} budget`;
  return {
    bad: credits?.budgetSpent === true,
    head: `Credits spent: ${spent === undefined ? 'not measured' : int(spent)}${budget}${credits?.budgetSpent === true ? ' — budget spent, load stopped early' : ''}`,
    items: [],
  };
}

function incompleteLine(data: ReportData): Line {
  const items: string[] = [];
  const m = data.manifest;
  if (m.status === 'interrupted')
    items.push(
      `INTERRUPTED${m.interruption === undefined ? '' : ` by ${m.interruption.signal} during ${m.interruption.phase}`}: partial results, not a verdict`,
    );
  if (m.status === 'failed-to-start')
    items.push(
      `DID NOT START: ${m.error === undefined ? 'nothing was measured' : `${m.error.code}: ${m.error.message}`}`,
    );
  if (data.verify === undefined) items.push('no contract verification in this run');
  if (data.samples === undefined) items.push('no load samples in this run');
  const failures = (data.loadRun?.failures ?? []) as { code: string; message: string }[];
  for (const f of failures) items.push(`${f.code}: ${f.message}`);
  const missing = items.length > 0;
  const skipped = (data.verify?.checks ?? []).filter((c) => c.outcome === 'skipped');
  if (skipped.length > 0)
    items.push(
      `${skipped.length} check(s) skipped: ${skipped.map((c) => `${c.id} (${c.reason ?? 'no reason'})`).join('; ')}`,
    );
  const gaps = items.length - (skipped.length > 0 ? 1 : 0);
  return { bad: missing, missing, head: `Incomplete: ${gaps === 0 ? 'nothing' : gaps}`, items };
}

function render(line: Line): string {
  const shown = line.items.slice(0, MAX_ITEMS).map((i) => `<li>${e(i)}</li>`);
  if (line.items.length > MAX_ITEMS) shown.push(`<li>… and ${line.items.length - MAX_ITEMS} more below</li>`);
  return `<li class="${line.bad ? 'bad' : 'ok'}"><b>${e(line.head)}</b>${shown.length > 0 ? `<ul>${shown.join('')}</ul>` : ''}</li>`;
}

/** The report's first block: everything that decides pass or fail, named, before any detail. */
export function verdictSection(data: ReportData): string {
  const lines = [
    contractLine(data),
    thresholdLine(data),
    regressionLine(data),
    creditLine(data),
    incompleteLine(data),
  ];
  const exit = data.manifest.exitCode;
  const failed = lines.slice(0, 3).some((l) => l.bad) || (exit !== undefined && exit !== 0);
  // Skipped checks are listed but leave a PASS; a run that lacks a part or was cut short is not a pass.
  // An interrupted or unstarted run is named as such before anything else: it is never a verdict.
  const word =
    data.manifest.status === 'interrupted'
      ? 'INTERRUPTED'
      : data.manifest.status === 'failed-to-start'
        ? 'DID NOT START'
        : failed
          ? 'FAIL'
          : lines[4]?.missing === true
            ? 'INCOMPLETE'
            : 'PASS';
  return `<section id="verdict" class="verdict-block ${failed ? 'bad' : word === 'PASS' ? 'ok' : 'warn'}"><h2>Verdict: ${word} <span class="exit">(exit code ${e(exit ?? '—')})</span></h2><ul class="verdict-lines">${lines.map(render).join('')}</ul></section>`;
}
