import {
  bareUrlProfile,
  listReferenceFaults,
  startEmbedded,
  type FaultInfo,
  type ResolvedTarget,
} from '../target/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { CheckResult, VerifyResult } from './check-result.js';
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
  /** Verified as a bare URL (asBareUrl) rather than with the reference's profile. */
  readonly bare: boolean;
  /** The clean reference passes and every fault is caught (from a bare URL: every one not needing a profile). */
  readonly ok: boolean;
}

/**
 * The reference as a user with only its URL and main key sees it: the bare-URL profile
 * (documented paths, the docs' example workflow, no extra keys), learned by the preflight.
 */
export function asBareUrl(target: ResolvedTarget): ResolvedTarget {
  return {
    profile: bareUrlProfile(target.profile.baseUrl, {}),
    keys: { main: target.keys.main },
    embedded: false,
    guessed: ['workflows.fast'],
    bare: true,
    stop: () => target.stop(),
  };
}

/** A catching check's first violation as "endpoint pointer", "endpoint status N" or "endpoint rule" (its id when it has none). */
export function evidenceOf(check: CheckResult): string {
  const f = check.failures[0];
  if (f === undefined) return check.id;
  const where =
    f.instancePath !== ''
      ? f.instancePath
      : f.schemaPath === 'status'
        ? `status ${f.status ?? 'none'}`
        : f.schemaPath;
  return `${f.endpoint} ${where}`;
}

/**
 * The table's verdict: the clean reference passes and every fault is caught; from a bare URL, a
 * fault that needs a profile may go uncaught, every other one must be caught.
 */
export function detectionOk(clean: VerifyResult, rows: readonly DetectionRow[], bare: boolean): boolean {
  const mustCatch = (r: DetectionRow): boolean => !bare || r.fault.needsProfile === undefined;
  return clean.summary.failed === 0 && rows.every((r) => r.caughtBy.length > 0 || !mustCatch(r));
}

/**
 * Verifies the embedded reference once clean and once per fault of its catalogue, on
 * one reused vitest instance (a fresh reference per fault, so counters start fresh).
 */
export async function runDetectionTable(
  config: Readonly<Pick<HarnessConfig, 'timeScale' | 'seed' | 'reportsDir'>>,
  only?: readonly string[],
  options: { readonly bare?: boolean } = {},
): Promise<DetectionTable> {
  const seed = chooseSeed(config);
  const faults = (await listReferenceFaults()).filter(
    (f) => only === undefined || only.length === 0 || only.includes(f.name),
  );
  const runner = await CheckRunner.create();
  try {
    const verifyWith = async (fault: readonly string[]): Promise<VerifyResult> => {
      const started = await startEmbedded({ timeScale: config.timeScale, faults: fault, seed });
      const target = options.bare === true ? asBareUrl(started) : started;
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
      rows.push({ fault, caughtBy: failed.map((c) => c.id), evidence: failed.map(evidenceOf), result });
    }
    const bare = options.bare === true;
    return { clean, rows, bare, ok: detectionOk(clean, rows, bare) };
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
        ? table.bare && row.fault.needsProfile !== undefined
          ? `not caught from a bare URL (needs a profile: ${row.fault.needsProfile})`
          : 'NOT CAUGHT'
        : row.caughtBy.map((id, i) => `${id} (${row.evidence[i] ?? ''})`).join(', ');
    lines.push(`${row.fault.name.padEnd(width)}  ${caught}`);
  }
  lines.push(
    '',
    table.ok
      ? `OK: ${table.rows.filter((r) => r.caughtBy.length > 0).length} of ${table.rows.length} faults caught${table.bare ? ' from a bare URL (the rest need a profile)' : ''}`
      : 'FAILED: a fault went uncaught or the clean reference failed',
  );
  return lines.join('\n') + '\n';
}
