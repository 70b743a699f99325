import { scrub } from '../secrets/index.js';
import type { CheckResult, VerifyResult } from './check-result.js';

const MARK = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** What is known before the first check ends: printed first, streamed or not. */
export type VerifyHeader = Pick<VerifyResult, 'target' | 'runId' | 'seed' | 'notes'>;

/** Run, target, seed and preflight notes, then the column header. */
export function printHeader(h: VerifyHeader, idWidth: number): string {
  const t = h.target;
  const lines = [
    `harness verify — target ${t.name} (${t.baseUrl})${t.embedded ? ' [embedded reference]' : ''}${t.faults !== undefined ? ` faults: ${t.faults.join(', ')}` : ''}`,
    `run ${h.runId}, seed ${h.seed} (reproduce with --seed ${h.seed}; one check with --check <id> --seed ${h.seed})`,
    ...(h.notes ?? []).map((note) => `note: ${note}`),
    '',
    `${'     '} ${'check'.padEnd(idWidth)} ${'time'.padStart(7)}  detail`,
  ];
  return scrub(lines.join('\n') + '\n');
}

/**
 * One check's row (outcome, id, time, reason or failure count) and each failure beneath it
 * as "endpoint pointer: Received: X / Documented: Y", its rule and request, and a ready
 * curl command; `ci` keeps only the failure line.
 */
export function printCheck(check: CheckResult, idWidth: number, options: { ci?: boolean } = {}): string {
  const detail =
    check.outcome === 'skipped'
      ? (check.reason ?? '')
      : check.outcome === 'failed'
        ? `${check.failures.length} violation(s)`
        : `${check.title}${check.basis !== undefined && check.basis !== 'documented' ? ` [${check.basis}]` : ''}`;
  const accepted = check.accepted ?? [];
  const mark = check.outcome === 'passed' && accepted.length > 0 ? 'ACPT' : MARK[check.outcome];
  const lines = [
    `${mark.padEnd(5)} ${check.id.padEnd(idWidth)} ${`${check.durationMs} ms`.padStart(7)}  ${detail}${accepted.length > 0 ? ` (${accepted.length} accepted)` : ''}`,
  ];
  for (const f of check.failures) {
    lines.push(`        ✗ [${f.code}] ${f.message}`);
    if (options.ci === true) continue;
    lines.push(
      `          rule: ${f.schemaPath}${f.status === null ? '' : `; status ${f.status}`}${f.request?.path === undefined ? '' : `; request ${`${f.request.method ?? 'POST'} ${f.request.path} ${f.request.body ?? ''}`.trimEnd()}`}`,
    );
    if (f.curl !== undefined) lines.push(`          reproduce: ${f.curl}`);
  }
  // Accepted (targets/<name>.accepted.json): shown, apart from failures, with why and until when.
  for (const a of accepted)
    lines.push(
      `        ≈ accepted [${a.failure.code}] ${a.failure.message} — ${a.reason} (until ${a.expires})`,
    );
  return scrub(lines.join('\n') + '\n');
}

/** Deviations (apart from failures) and the closing OK/FAILED line. */
export function printSummary(result: VerifyResult): string {
  const lines: string[] = [];
  const deviations = result.checks.flatMap((c) => c.deviations ?? []);
  if (deviations.length > 0) {
    // Apart from failures: expectations the docs only call typical, or inferred ones the profile does not declare.
    lines.push('', 'Observed, not failures (typical or undeclared expectations):');
    for (const d of deviations)
      lines.push(`  ~ ${d.check} [${d.code}, ${d.basis ?? 'documented'}] ${d.message}`);
  }
  const s = result.summary;
  lines.push(
    '',
    `${s.failed === 0 ? 'OK' : 'FAILED'}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${(s.accepted ?? 0) > 0 ? `, ${s.accepted} accepted finding(s)` : ''}${deviations.length > 0 ? `, ${deviations.length} observed deviation(s)` : ''}`,
  );
  return scrub(lines.join('\n') + '\n');
}

export const idWidthOf = (ids: readonly string[]): number => Math.max(5, ...ids.map((id) => id.length));

/** The whole console table at once (the streamed output, in id order): header, one row per check, summary. */
export function printPretty(result: VerifyResult, options: { ci?: boolean } = {}): string {
  const width = idWidthOf(result.checks.map((c) => c.id));
  const header =
    options.ci === true
      ? `${'     '} ${'check'.padEnd(width)} ${'time'.padStart(7)}  detail\n`
      : printHeader(result, width);
  return header + result.checks.map((c) => printCheck(c, width, options)).join('') + printSummary(result);
}
