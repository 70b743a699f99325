import type { ComparisonResult } from '../compare/index.js';
import type { RunManifest } from '../history/index.js';
import type { VerifyResult } from '../types/generated/verify-result.js';
import { escapeHtml as e, fmt } from './html-escape.js';
import type { RunSummary } from './summarize-run.js';

const table = (head: readonly string[], rows: readonly (readonly string[])[], cls = ''): string =>
  `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>`;
const td = (v: unknown, cls = ''): string => `<td class="${cls}">${e(v)}</td>`;

export function metadataSection(m: RunManifest, engineNote: string | undefined): string {
  const rows: [string, unknown][] = [
    ['run', m.runId],
    [
      'status',
      m.interruption === undefined
        ? m.status
        : `${m.status} (${m.interruption.signal} during ${m.interruption.phase})`,
    ],
    ['target', `${m.target.name}${m.target.embedded ? ' (embedded reference)' : ''}`],
    ['base URL', m.target.baseUrl],
    ['faults enabled', (m.target.faults ?? []).join(', ') || '—'],
    ['profile', m.profile],
    ['load engine', engineNote ?? m.engine],
    ['seed', m.seed ?? '—'],
    ['time scale', m.timeScale ?? '—'],
    ['git commit', m.gitCommit ?? '—'],
    ['harness', m.harnessVersion ?? '—'],
    ['Node.js', m.nodeVersion ?? '—'],
    ['started', m.startedAt || '—'],
    ['finished', m.finishedAt ?? '—'],
    ['exit code', m.exitCode ?? '—'],
  ];
  return `<section id="metadata"><h2>Run</h2>${table(
    ['', ''],
    rows.map(([k, v]) => [td(k, 'key'), td(v)]),
    'meta',
  )}</section>`;
}

export function contractSection(verify: VerifyResult | undefined): string {
  if (verify === undefined)
    return '<section id="contract"><h2>Contract checks</h2><p class="none">No verify.json in this run.</p></section>';
  const { passed, failed, skipped } = verify.summary;
  const rows = verify.checks.map((c) => [
    td(c.outcome, `outcome ${c.outcome}`),
    td(c.id),
    td(c.title),
    td((c.endpoints ?? []).join(', ')),
    td(`${Math.round(c.durationMs)} ms`),
    `<td>${c.outcome === 'skipped' ? e(c.reason ?? '') : c.failures.map((f) => `<div class="failure"><b>${e(f.code)}</b> ${e(f.endpoint)} status ${e(f.status ?? 'none')} at <code>${e(f.instancePath || '(body)')}</code> (<code>${e(f.schemaPath)}</code>)<br>${e(f.message)}<br>Received: <code>${e(JSON.stringify(f.received))}</code> / Documented: <code>${e(JSON.stringify(f.documented))}</code>${f.curl === undefined ? '' : `<br>Reproduce: <code>${e(f.curl)}</code>`}</div>`).join('')}</td>`,
  ]);
  // Deviations from typical or undeclared expectations: shown apart, never counted as failures.
  const deviations = verify.checks.flatMap((c) => c.deviations ?? []);
  const observed =
    deviations.length === 0
      ? ''
      : `<h3>Observed, not failures</h3>${table(
          ['check', 'basis', 'observation'],
          deviations.map((d) => [td(d.check), td(d.basis ?? 'documented'), td(d.message)]),
          'deviations',
        )}`;
  // Findings accepted by targets/<name>.accepted.json: apart from failures, with why and until when.
  const acceptedRows = verify.checks.flatMap((c) =>
    (c.accepted ?? []).map((a) => [
      td(c.id),
      td(a.failure.code),
      td(a.failure.instancePath || '(body)'),
      td(a.failure.message),
      td(a.reason),
      td(a.expires),
    ]),
  );
  const accepted =
    acceptedRows.length === 0
      ? ''
      : `<h3>Accepted findings (not failures)</h3>${table(['check', 'code', 'pointer', 'finding', 'reason', 'expires'], acceptedRows, 'accepted')}`;
  return `<section id="contract"><h2>Contract checks</h2><p class="totals"><span class="passed">${passed} passed</span> · <span class="failed">${failed} failed</span> · <span class="skipped">${skipped} skipped</span>${acceptedRows.length > 0 ? ` · <span class="accepted">${acceptedRows.length} accepted</span>` : ''}</p>${table(['outcome', 'check', 'title', 'endpoints', 'time', 'details'], rows, 'checks')}${accepted}${observed}</section>`;
}

export function latencySection(summary: RunSummary | undefined): string {
  if (summary === undefined)
    return '<section id="latency"><h2>Latency</h2><p class="none">No raw samples in this run.</p></section>';
  const rows = summary.endpoints.map((s) => [
    td(s.endpoint),
    td(s.count),
    td(s.failed, s.failed > 0 ? 'failed' : ''),
    td(s.expectedTimeouts),
    td(fmt(s.p50)),
    td(fmt(s.p90)),
    td(fmt(s.p95)),
    td(fmt(s.p99)),
    td(fmt(s.max)),
  ]);
  const facts = [
    `sync timeout share: ${summary.timeoutShare === undefined ? '—' : `${(summary.timeoutShare * 100).toFixed(1)} % of ${summary.syncCalls}`}`,
    `completion p95: ${fmt(summary.completionP95, 0, ' ms')}`,
    `credits used: ${fmt(summary.creditsUsed, 0)}`,
  ];
  return `<section id="latency"><h2>Latency per endpoint (ms)</h2>${table(['endpoint', 'requests', 'failed', 'expected timeouts', 'p50', 'p90', 'p95', 'p99', 'max'], rows)}<p>${facts.map(e).join(' · ')}</p></section>`;
}

export function comparisonSection(c: ComparisonResult | undefined, note: string | undefined): string {
  if (c === undefined)
    return `<section id="comparison"><h2>Comparison with the baseline</h2><p class="none">${e(note ?? 'No baseline saved for this target and profile (npx harness baseline save).')}</p></section>`;
  const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
  const rows = c.comparisons.map((m) => [
    td(m.metric),
    td(m.endpoint),
    td(`${m.baselineCount}/${m.currentCount}`),
    td(fmt(m.baselineP95)),
    td(fmt(m.currentP95)),
    td(pct(m.change.estimate)),
    td(`[${pct(m.change.lower)}, ${pct(m.change.upper)}]`),
    td(m.rank.pGreater.toFixed(4)),
    td(m.verdict, `verdict ${m.verdict}`),
  ]);
  return `<section id="comparison"><h2>Comparison with the baseline ${e(c.baselineRun)}</h2><p>Regression = bootstrap 95 % CI of the p95 change above ${e(pct(c.minEffect))} and Mann–Whitney p &lt; ${e(c.alpha)}. ${e(c.regressions)} regression(s).</p>${table(['metric', 'endpoint', 'n base/cur', 'p95 base', 'p95 cur', 'Δp95', '95 % CI', 'rank p', 'verdict'], rows)}</section>`;
}

/**
 * The load side's additions (load-run.json), flattened to key → value rows whatever their shape;
 * thresholds and shards have their own tables (thresholds-section.ts, shards-section.ts).
 */
export function loadRunSection(loadRun: Record<string, unknown> | undefined): string {
  if (loadRun === undefined) return '';
  const rows: string[][] = [];
  const walk = (value: unknown, path: string): void => {
    if (rows.length >= 80 || path === 'thresholds' || path === 'shards') return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    else rows.push([td(path, 'key'), td(Array.isArray(value) ? JSON.stringify(value).slice(0, 200) : value)]);
  };
  walk(loadRun, '');
  return `<section id="load-run"><h2>Load run details (detection lag, polls, timeout classes)</h2>${table(['', ''], rows, 'meta')}</section>`;
}
