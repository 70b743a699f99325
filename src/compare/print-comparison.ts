import type { ComparisonResult } from './compare-runs.js';

const pct = (x: number): string =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%` : 'n/a';
const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)}ms` : 'n/a');

/** The console table of `harness compare`: one row per metric and endpoint. */
export function formatComparison(result: ComparisonResult): string {
  const header = [
    'metric',
    'endpoint',
    'n base/cur',
    'p95 base',
    'p95 cur',
    'Δp95',
    '95% CI',
    'rank p',
    'verdict',
  ];
  const rows = result.comparisons.map((c) => [
    c.metric,
    c.endpoint,
    `${c.baselineCount}/${c.currentCount}`,
    ms(c.baselineP95),
    ms(c.currentP95),
    pct(c.change.estimate),
    `[${pct(c.change.lower)}, ${pct(c.change.upper)}]`,
    c.rank.pGreater.toFixed(4),
    c.verdict === 'regression' ? 'REGRESSION' : c.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const lines = [
    `baseline ${result.baselineRun}  vs  current ${result.currentRun}  (regression = CI lower bound > ${pct(result.minEffect)} and rank test p < ${result.alpha})`,
    line(header),
    ...rows.map(line),
  ];
  if (result.comparisons.length === 0) lines.push('(no metric present in both runs)');
  lines.push(result.regressions === 0 ? 'no regression' : `${result.regressions} regression(s)`);
  return `${lines.join('\n')}\n`;
}
