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
    lines.push(`run ${result.runId}, seed ${result.seed} (reproduce with --seed ${result.seed})`, '');
  }
  const idWidth = Math.max(5, ...result.checks.map((c) => c.id.length));
  lines.push(`${'     '} ${'check'.padEnd(idWidth)} ${'time'.padStart(7)}  detail`);
  for (const check of result.checks) {
    const detail =
      check.outcome === 'skipped'
        ? (check.reason ?? '')
        : check.outcome === 'failed'
          ? `${check.failures.length} violation(s)`
          : check.title;
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
  const s = result.summary;
  lines.push(
    '',
    `${s.failed === 0 ? 'OK' : 'FAILED'}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
  );
  return scrub(lines.join('\n') + '\n');
}
