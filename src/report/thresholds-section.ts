import type { LoadThreshold } from '../types/generated/load-summary.js';
import { escapeHtml as e } from './html-escape.js';

const measured = (t: LoadThreshold): string => {
  if (t.measured === null) return '—';
  const v = Number.isInteger(t.measured) ? String(t.measured) : String(Number(t.measured.toPrecision(4)));
  return t.measuredFrom === 'samples' ? `${v} (raw samples)` : v;
};

/**
 * The thresholds load-run.json carries, or undefined when it has no such list. Run folders
 * written before thresholds had values (only metric, expression, ok) still render: what they
 * lack shows as unknown.
 */
export function thresholdsOf(loadRun: Record<string, unknown> | undefined): LoadThreshold[] | undefined {
  const list = loadRun?.thresholds;
  if (!Array.isArray(list)) return undefined;
  return (list as Partial<LoadThreshold>[]).map((t) => ({
    metric: t.metric ?? '?',
    name: t.name ?? t.metric ?? '?',
    tags: t.tags ?? {},
    scenario: t.scenario ?? null,
    expression: t.expression ?? '?',
    aggregation: t.aggregation ?? null,
    operator: t.operator ?? null,
    limit: t.limit ?? null,
    measured: t.measured ?? null,
    measuredFrom: t.measuredFrom ?? 'none',
    ok: t.ok !== false,
  }));
}

/**
 * Every threshold of the load run, crossed ones first: verdict, metric, scenario and tag
 * filters, expression, the value it was judged on and the limit — whichever engine ran.
 */
export function thresholdsSection(thresholds: readonly LoadThreshold[] | undefined): string {
  if (thresholds === undefined) return '';
  if (thresholds.length === 0)
    return '<section id="thresholds"><h2>Load thresholds</h2><p class="none">The engine reported no threshold verdict.</p></section>';
  const crossed = thresholds.filter((t) => !t.ok).length;
  const rows = [...thresholds]
    .sort((a, b) => Number(a.ok) - Number(b.ok))
    .map((t) => {
      const tags = Object.entries(t.tags)
        .filter(([k]) => k !== 'scenario')
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      return `<tr class="${t.ok ? 'ok' : 'crossed'}"><td class="verdict ${t.ok ? 'passed' : 'failed'}">${t.ok ? 'ok' : 'crossed'}</td><td><code>${e(t.name)}</code></td><td>${e(t.scenario ?? '—')}</td><td>${e(tags || '—')}</td><td><code>${e(t.expression)}</code></td><td>${e(`${t.aggregation === null ? '' : `${t.aggregation} = `}${measured(t)}`)}</td><td>${e(t.limit ?? '—')}</td></tr>`;
    });
  return `<section id="thresholds"><h2>Load thresholds</h2><p class="totals"><span class="${crossed > 0 ? 'failed' : 'passed'}">${crossed} crossed</span> of ${thresholds.length}</p><table class="thresholds"><thead><tr><th>verdict</th><th>metric</th><th>scenario</th><th>tags</th><th>expression</th><th>measured</th><th>limit</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
