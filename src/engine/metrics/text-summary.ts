import { humanizeNumber, humanizeRate, humanizeValue } from './text-format.js';

export interface TextSummaryOptions {
  /** Prefix of every line (k6's default: a single space). */
  readonly indent?: string;
  readonly enableColors?: boolean;
}

interface MetricData {
  type: string;
  contains: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

interface GroupData {
  name: string;
  groups?: GroupData[];
  checks?: { name: string; passes: number; fails: number }[];
}

const COLOR = {
  green: '\u001b[32m',
  red: '\u001b[31m',
  cyan: '\u001b[36m',
  grey: '\u001b[90m',
  reset: '\u001b[0m',
};

function metricValue(
  m: MetricData,
  trendStats: readonly string[],
  timeUnit: string,
  paint: (c: keyof typeof COLOR, s: string) => string,
): string {
  const v = m.values;
  const fmt = (n: number | undefined): string => paint('cyan', humanizeValue(n ?? 0, m.contains, timeUnit));
  switch (m.type) {
    case 'counter':
      return `${fmt(v.count)} ${paint('cyan', humanizeValue(v.rate ?? 0, m.contains, timeUnit))}/s`;
    case 'gauge':
      return `${fmt(v.value)} min=${fmt(v.min)} max=${fmt(v.max)}`;
    case 'rate':
      return `${paint('cyan', humanizeRate(v.rate ?? 0))} ✓ ${humanizeNumber(v.passes ?? 0)} ✗ ${humanizeNumber(v.fails ?? 0)}`;
    default:
      return trendStats
        .filter((s) => s in v)
        .map((s) => `${s}=${s === 'count' ? paint('cyan', String(v[s])) : fmt(v[s])}`)
        .join(' ');
  }
}

function checkLines(
  group: GroupData,
  indent: string,
  paint: (c: keyof typeof COLOR, s: string) => string,
): string[] {
  const lines: string[] = [];
  if (group.name !== '') lines.push(`${indent}█ ${group.name}`, '');
  const inner = group.name === '' ? indent : `${indent}  `;
  for (const check of group.checks ?? []) {
    if (check.fails === 0) lines.push(`${inner}${paint('green', '✓')} ${check.name}`);
    else {
      const pct = Math.floor((100 * check.passes) / (check.passes + check.fails));
      lines.push(
        `${inner}${paint('red', '✗')} ${check.name}`,
        `${inner} ${paint('red', `↳  ${pct}% — ✓ ${check.passes} / ✗ ${check.fails}`)}`,
      );
    }
  }
  if ((group.checks ?? []).length > 0) lines.push('');
  for (const sub of group.groups ?? []) lines.push(...checkLines(sub, inner, paint));
  return lines;
}

/**
 * k6's classic end-of-test text summary, printed from handleSummary's `data`
 * (as jslib's k6-summary textSummary does): checks by group, then one line per
 * metric, sub-metrics indented under their metric, ✓/✗ for metrics with thresholds.
 */
export function textSummary(data: Record<string, unknown>, options: TextSummaryOptions = {}): string {
  const indent = options.indent ?? ' ';
  const colors = options.enableColors === true;
  const paint = (c: keyof typeof COLOR, s: string): string => (colors ? `${COLOR[c]}${s}${COLOR.reset}` : s);
  const opts = (data.options ?? {}) as { summaryTrendStats?: string[]; summaryTimeUnit?: string };
  const trendStats = opts.summaryTrendStats ?? ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
  const metrics = (data.metrics ?? {}) as Record<string, MetricData>;
  const names = Object.keys(metrics).sort();
  const label = (name: string): string => {
    const brace = name.indexOf('{');
    return brace < 0 ? name : `  { ${name.slice(brace + 1, -1)} }`;
  };
  const width = Math.max(0, ...names.map((n) => label(n).length)) + 3;
  const lines = ['', ...checkLines((data.root_group ?? { name: '' }) as GroupData, `${indent}    `, paint)];
  for (const name of names) {
    const m = metrics[name];
    const thresholds = Object.values(m.thresholds ?? {});
    const mark =
      thresholds.length === 0
        ? '  '
        : thresholds.every((t) => t.ok)
          ? `${paint('green', '✓')} `
          : `${paint('red', '✗')} `;
    const text = label(name);
    lines.push(
      `${indent}  ${mark}${text}${paint('grey', '.'.repeat(width - text.length))}: ${metricValue(m, trendStats, opts.summaryTimeUnit ?? '', paint)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
