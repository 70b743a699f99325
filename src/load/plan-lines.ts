import type { Budget } from './credit-budget.js';
import type { ScenarioPlan } from './plan.js';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

function duration(s: number): string {
  if (s >= 3600) return `${+(s / 3600).toFixed(2)} h`;
  if (s >= 60) return `${+(s / 60).toFixed(1)} min`;
  return `${+s.toFixed(1)} s`;
}

/**
 * The plan as console lines, printed before load starts: per scenario duration, load,
 * executions, credits; then the totals against the budget.
 */
export function planLines(plans: readonly ScenarioPlan[], budget: Budget, budgetSource: string): string[] {
  const rows = plans.map((p) => [
    p.scenario,
    duration(p.durationS),
    p.load,
    `${p.estimated ? '≈ ' : ''}${int(p.executions)}`,
    p.credits === null ? '?' : `${p.estimated ? '≈ ' : ''}${int(p.credits)}`,
  ]);
  const head = ['scenario', 'duration', 'load', 'executions', 'credits'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  const executions = plans.reduce((n, p) => n + p.executions, 0);
  const credits = plans.some((p) => p.credits === null)
    ? undefined
    : plans.reduce((n, p) => n + (p.credits ?? 0), 0);
  const longest = Math.max(0, ...plans.map((p) => p.durationS));
  const cap =
    budget === 'unlimited'
      ? `budget unlimited (${budgetSource})`
      : `budget ${int(budget)} credits (${budgetSource}; --max-credits or HARNESS_MAX_CREDITS)`;
  const verdict =
    budget !== 'unlimited' && credits !== undefined && credits > budget
      ? ' — the budget will stop the load before the plan completes'
      : '';
  return [
    'plan (before load):',
    line(head),
    ...rows.map(line),
    `  total: up to ${duration(longest)}, ${int(executions)} executions, ${credits === undefined ? 'credits unknown (no creditUsage observed, no creditsPerExecution in the profile)' : `${int(credits)} credits`}; ${cap}${verdict}`,
  ];
}
