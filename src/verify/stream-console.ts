import { scrub } from '../secrets/index.js';
import type { CheckResult, VerifyResult } from './check-result.js';
import { idWidthOf, printCheck, printHeader, printSummary, type VerifyHeader } from './print-pretty.js';

/** The hooks `runVerify` calls (onStart, onCheck) plus the closing summary. */
export interface VerifyConsole {
  onStart(header: VerifyHeader, checkIds: readonly string[]): void;
  onCheck(check: CheckResult): void;
  end(result: VerifyResult): void;
}

/**
 * Streamed console output: each check's row as it finishes (in finishing order), the same
 * summary at the end. `ci`: one JSON object per line ({"event":"start"|"check"|"summary"}),
 * like `harness run --ci`. verify.json keeps the checks in id order.
 */
export function verifyConsole(
  ci: boolean,
  out: (text: string) => void = (t) => process.stdout.write(t),
): VerifyConsole {
  let width = 5;
  const emit = (event: Record<string, unknown>): void => out(`${scrub(JSON.stringify(event))}\n`);
  return {
    onStart(header, checkIds) {
      width = idWidthOf(checkIds);
      if (ci) emit({ event: 'start', ...header, checks: checkIds.length });
      else out(printHeader(header, width));
    },
    onCheck(check) {
      if (ci) emit({ event: 'check', ...check });
      else out(printCheck(check, width));
    },
    end(result) {
      if (ci)
        emit({
          event: 'summary',
          runId: result.runId,
          seed: result.seed,
          ok: result.summary.failed === 0,
          ...result.summary,
          failedChecks: result.checks.filter((c) => c.outcome === 'failed').map((c) => c.id),
        });
      else out(printSummary(result));
    },
  };
}
