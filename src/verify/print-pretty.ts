import { scrub } from '../secrets/index.js';
import type { VerifyResult } from './check-result.js';

const MARK = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/**
 * The console table: one row per check (outcome, id, time, reason or failure count),
 * each failure beneath its check as "endpoint pointer: Received: X / Documented: Y".
 * `ci` drops the header and the per-failure request lines.
 */
export function printPretty(result: VerifyResult, options: { ci?: boolean } = {}): string {
  const lines: string[] = [];
  const t = result.target;
  if (options.ci !== true) {
    lines.push(
      `harness verify — target ${t.name} (${t.baseUrl})${t.embedded ? ' [embedded reference]' : ''}${t.faults !== undefined ? ` faults: ${t.faults.join(', ')}` : ''}`,
    );
    lines.push(`run ${result.runId}, seed ${result.seed} (reproduce with --seed ${result.seed})`);
    for (const note of result.notes ?? []) lines.push(`note: ${note}`);
    lines.push('');
  }
  const idWidth = Math.max(5, ...result.checks.map((c) => c.id.length));
  lines.push(`${'     '} ${'check'.padEnd(idWidth)} ${'time'.padStart(7)}  detail`);
  for (const check of result.checks) {
    const detail =
      check.outcome === 'skipped'
        ? (check.reason ?? '')
        : check.outcome === 'failed'
          ? `${check.failures.length} violation(s)`
          : `${check.title}${check.basis !== undefined && check.basis !== 'documented' ? ` [${check.basis}]` : ''}`;
    lines.push(
      `${MARK[check.outcome].padEnd(5)} ${check.id.padEnd(idWidth)} ${`${check.durationMs} ms`.padStart(7)}  ${detail}`,
    );
    for (const f of check.failures) {
      lines.push(`        ✗ [${f.code}] ${f.message}`);
      if (options.ci !== true) {
        lines.push(
          `          rule: ${f.schemaPath}${f.status === null ? '' : `; status ${f.status}`}${f.request?.path === undefined ? '' : `; request ${f.request.method ?? 'POST'} ${f.request.path} ${f.request.body ?? ''}`}`,
        );
      }
    }
  }
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
    `${s.failed === 0 ? 'OK' : 'FAILED'}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${deviations.length > 0 ? `, ${deviations.length} observed deviation(s)` : ''}`,
  );
  return scrub(lines.join('\n') + '\n');
}
