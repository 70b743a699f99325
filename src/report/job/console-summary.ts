import type { RunManifest } from '../../history/index.js';
import { thresholdLines } from '../../load/index.js';
import type { LoadThreshold } from '../../types/generated/load-summary.js';
import type { VerifyResult } from '../../types/generated/verify-result.js';
import type { RunSummary } from '../summarize-run.js';

export interface JobOutcome {
  readonly manifest: RunManifest;
  readonly verify: VerifyResult | undefined;
  readonly summary: RunSummary | undefined;
  readonly thresholdsCrossed: boolean;
  /** Every load threshold with its measured value and verdict (load-run.json). */
  readonly thresholds?: readonly LoadThreshold[];
  readonly reportPath: string;
  /** load-run.json's credits: spent (counted from the answers) against the budget. */
  readonly credits?: { spent: number; budget: number | 'unlimited'; budgetSpent: boolean };
}

/** "credits: 210 spent of a 100 budget — BUDGET SPENT, load stopped early" */
export function creditsLine(c: NonNullable<JobOutcome['credits']>): string {
  const budget = c.budget === 'unlimited' ? ' (budget unlimited)' : ` of a ${c.budget} budget`;
  return `credits: ${Math.round(c.spent)} spent${budget}${c.budgetSpent ? ' — BUDGET SPENT, load stopped early' : ''}`;
}

const n = (x: number | undefined, digits = 1): string =>
  x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);

/** The short summary printed at the end of `harness run`. */
export function formatSummary(o: JobOutcome): string {
  const lines: string[] = [];
  const v = o.verify?.summary;
  lines.push(
    `target ${o.manifest.target.name} (${o.manifest.target.baseUrl}) · profile ${o.manifest.profile} · engine ${o.manifest.engine} · seed ${o.manifest.seed ?? '—'}`,
  );
  lines.push(
    v === undefined
      ? 'contract checks: not run'
      : `contract checks: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped`,
  );
  for (const c of o.verify?.checks ?? [])
    if (c.outcome === 'failed') lines.push(`  FAILED ${c.id}: ${c.failures[0]?.message ?? ''}`);
  if (o.summary !== undefined && o.summary.endpoints.length > 0) {
    const w = Math.max(8, ...o.summary.endpoints.map((e) => e.endpoint.length));
    lines.push(
      `${'endpoint'.padEnd(w)}  ${'requests'.padStart(8)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}`,
    );
    for (const e of o.summary.endpoints)
      lines.push(
        `${e.endpoint.padEnd(w)}  ${String(e.count).padStart(8)}  ${n(e.p50).padStart(8)}  ${n(e.p95).padStart(8)}  ${n(e.p99).padStart(8)}`,
      );
    const share = o.summary.timeoutShare;
    lines.push(
      `timeout share (sync): ${share === undefined ? '—' : `${(share * 100).toFixed(1)} % of ${o.summary.syncCalls}`} · completion p95: ${n(o.summary.completionP95, 0)} ms · credits used: ${n(o.summary.creditsUsed, 0)}`,
    );
  } else lines.push('load: no samples');
  if (o.thresholds !== undefined && o.thresholds.length > 0) lines.push(...thresholdLines(o.thresholds));
  if (o.credits !== undefined) lines.push(creditsLine(o.credits));
  if (o.thresholdsCrossed) lines.push('load thresholds: CROSSED');
  const i = o.manifest.interruption;
  const verdict =
    o.manifest.status !== 'complete'
      ? `INTERRUPTED${i === undefined ? '' : ` (${i.signal} during ${i.phase})`}: partial results, not a verdict`
      : (o.manifest.exitCode ?? 0) === 0
        ? 'PASS'
        : 'FAIL';
  lines.push(`${verdict} · report: ${o.reportPath}`);
  return `${lines.join('\n')}\n`;
}

/** The same facts as one JSON object, for --ci. */
export function summaryEvent(o: JobOutcome): Record<string, unknown> {
  return {
    event: 'summary',
    runId: o.manifest.runId,
    status: o.manifest.status,
    target: o.manifest.target.name,
    profile: o.manifest.profile,
    engine: o.manifest.engine,
    seed: o.manifest.seed,
    checks: o.verify?.summary ?? null,
    endpoints: Object.fromEntries(
      (o.summary?.endpoints ?? []).map((e) => [
        e.endpoint,
        { count: e.count, p50: e.p50, p95: e.p95, p99: e.p99 },
      ]),
    ),
    timeoutShare: o.summary?.timeoutShare ?? null,
    completionP95: o.summary?.completionP95 ?? null,
    creditsUsed: o.summary?.creditsUsed ?? null,
    credits: o.credits ?? null,
    thresholdsCrossed: o.thresholdsCrossed,
    thresholds: (o.thresholds ?? []).map((t) => ({
      metric: t.metric,
      expression: t.expression,
      measured: t.measured,
      limit: t.limit,
      ok: t.ok,
    })),
    exitCode: o.manifest.exitCode ?? 0,
    report: o.reportPath,
  };
}
