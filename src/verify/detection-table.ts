import { listReferenceFaults, startEmbedded, type FaultInfo } from '../target/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { VerifyResult } from './check-result.js';
import { CheckRunner } from './check-runner.js';
import { chooseSeed, runVerify } from './run-verify.js';

export interface DetectionRow {
  readonly fault: FaultInfo;
  /** Ids of the checks that failed with this fault enabled. */
  readonly caughtBy: readonly string[];
  /** The first violation of each catching check, as "endpoint pointer-or-status". */
  readonly evidence: readonly string[];
  readonly result: VerifyResult;
}

export interface DetectionTable {
  readonly clean: VerifyResult;
  readonly rows: readonly DetectionRow[];
  /** The clean reference passes and every fault is caught by at least one check. */
  readonly ok: boolean;
}

/**
 * Verifies the embedded reference once clean and once per fault of its catalogue, on
 * one reused vitest instance (a fresh reference per fault, so counters start fresh).
 */
export async function runDetectionTable(
  config: Readonly<Pick<HarnessConfig, 'timeScale' | 'seed' | 'reportsDir'>>,
  only?: readonly string[],
): Promise<DetectionTable> {
  const seed = chooseSeed(config);
  const faults = (await listReferenceFaults()).filter(
    (f) => only === undefined || only.length === 0 || only.includes(f.name),
  );
  const runner = await CheckRunner.create();
  try {
    const verifyWith = async (fault: readonly string[]): Promise<VerifyResult> => {
      const target = await startEmbedded({ timeScale: config.timeScale, faults: fault, seed });
      try {
        return await runVerify({ ...config, seed, faults: [...fault] }, target, { runner, write: false });
      } finally {
        await target.stop();
      }
    };
    const clean = await verifyWith([]);
    const rows: DetectionRow[] = [];
    for (const fault of faults) {
      const result = await verifyWith([fault.name]);
      const failed = result.checks.filter((c) => c.outcome === 'failed');
      const evidence = failed.map((c) => {
        const f = c.failures[0];
        return f === undefined
          ? c.id
          : `${f.endpoint} ${f.instancePath !== '' ? f.instancePath : f.schemaPath === 'status' ? `status ${f.status ?? 'none'}` : f.schemaPath}`;
      });
      rows.push({ fault, caughtBy: failed.map((c) => c.id), evidence, result });
    }
    return { clean, rows, ok: clean.summary.failed === 0 && rows.every((r) => r.caughtBy.length > 0) };
  } finally {
    await runner.close();
  }
}

export function printDetectionTable(table: DetectionTable): string {
  const width = Math.max(5, ...table.rows.map((r) => r.fault.name.length));
  const lines = [`${'fault'.padEnd(width)}  caught by`];
  lines.push(
    `${'(none)'.padEnd(width)}  ${
      table.clean.summary.failed === 0
        ? `clean reference passes (${table.clean.summary.passed} passed, ${table.clean.summary.skipped} skipped)`
        : `CLEAN REFERENCE FAILS: ${table.clean.checks
            .filter((c) => c.outcome === 'failed')
            .map((c) => c.id)
            .join(', ')}`
    }`,
  );
  for (const row of table.rows) {
    const caught =
      row.caughtBy.length === 0
        ? 'NOT CAUGHT'
        : row.caughtBy.map((id, i) => `${id} (${row.evidence[i] ?? ''})`).join(', ');
    lines.push(`${row.fault.name.padEnd(width)}  ${caught}`);
  }
  lines.push(
    '',
    table.ok
      ? `OK: every fault (${table.rows.length}) is caught`
      : 'FAILED: a fault went uncaught or the clean reference failed',
  );
  return lines.join('\n') + '\n';
}
