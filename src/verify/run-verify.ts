import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectHar, type HarWritten } from '../har/index.js';
import { createRunDir, newRunId, type RunDir } from '../run/index.js';
import {
  preflight,
  resolveTarget,
  TARGETS_DIR,
  type BareWorkflow,
  type ResolvedTarget,
} from '../target/index.js';
import type { AcceptedFinding } from '../types/generated/accepted-findings.js';
import { acceptedFileOf, applyAccepted, isoDay, loadAccepted } from './accepted-findings.js';
import { DEFAULTS } from '../config/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import { buildResult } from './build-result.js';
import type { CheckResult, VerifyResult } from './check-result.js';
import { CheckRunner, checkIdOf } from './check-runner.js';
import type { VerifyHeader } from './print-pretty.js';
import { scrubValue } from '../secrets/index.js';
import { toJUnit } from './junit.js';

export interface VerifyOptions {
  /** A runner to reuse (the detection table runs many targets on one vitest instance). */
  readonly runner?: CheckRunner;
  /** Where verify.json and verify.junit.xml go; default a new reports/<run-id>/. */
  readonly runDir?: RunDir;
  /** false: write no files (the detection table's per-fault runs). */
  readonly write?: boolean;
  /** Bare URL: workflows named with --workflow/--input (passed to resolveTarget). */
  readonly workflows?: readonly BareWorkflow[];
  /** Only these checks, by id (`--check`); default every check in contracts/ (unused with `runner`). */
  readonly only?: readonly string[];
  /** Once the target answered and the run has its id, before the first check (streamed output). */
  readonly onStart?: (header: VerifyHeader, checkIds: readonly string[]) => void;
  /** Each check's result as it finishes, keys scrubbed (streamed output). */
  readonly onCheck?: (check: CheckResult) => void;
  /** Accepted findings; default targets/<profile name>.accepted.json when it exists. */
  readonly accepted?: readonly AcceptedFinding[];
  /** The day acceptances are judged on (tests); default today (UTC). */
  readonly today?: string;
  /** `--har <file>`: record every check exchange there as HAR 1.2 (src/har); `onHar` hears what was written. */
  readonly har?: string;
  readonly onHar?: (written: HarWritten) => void;
}

type VerifyConfig = Pick<
  HarnessConfig,
  'target' | 'timeScale' | 'faults' | 'seed' | 'reportsDir' | 'requestTimeoutMs' | 'connectTimeoutMs'
>;

export function chooseSeed(config: Pick<HarnessConfig, 'seed'>): number {
  return config.seed ?? randomInt(0, 2 ** 31);
}

/**
 * Runs every check in contracts/ against a target and returns the verify.json result
 * (also written, with verify.junit.xml, to the run folder). Without `target` it resolves
 * config.target itself (the embedded reference when absent) and stops it afterwards.
 * Contract failures are data in the result, never exceptions; HarnessErrors mean the
 * run could not start (unknown target, missing key, unreachable host).
 */
export async function runVerify(
  config: Readonly<VerifyConfig>,
  target?: ResolvedTarget,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const seed = chooseSeed(config);
  const own =
    target === undefined
      ? await resolveTarget(config, options.workflows === undefined ? {} : { workflows: options.workflows })
      : undefined;
  const resolved = target ?? own;
  if (resolved === undefined) throw new Error('unreachable: a target was resolved');
  let runner = options.runner;
  // Each check worker spools its exchanges here; merged into the HAR file after the run.
  const spoolDir = options.har === undefined ? undefined : mkdtempSync(join(tmpdir(), 'harness-har-'));
  try {
    // A rejected key or TLS trouble is a HarnessError here, before any check (exit 2).
    const used = resolved.embedded
      ? resolved
      : await preflight(resolved, {
          requestTimeoutMs: config.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs ?? 10_000,
        });
    runner ??= await CheckRunner.create(options.only === undefined ? {} : { only: options.only });
    const write = options.write ?? true;
    const runDir = write ? (options.runDir ?? createRunDir(config.reportsDir)) : undefined;
    const startedAt = new Date();
    const runId = runDir?.id ?? newRunId(startedAt);
    options.onStart?.(
      {
        runId,
        seed,
        target: {
          name: used.profile.name,
          baseUrl: used.profile.baseUrl,
          embedded: used.embedded,
          ...(used.embedded && config.faults.length > 0 ? { faults: [...config.faults] } : {}),
        },
        notes: [...(used.notes ?? [])],
      },
      runner.checkFiles.map(checkIdOf),
    );
    // Loaded before any check: an invalid file stops the run instead of failing every listed finding.
    const accepted = options.accepted ?? loadAccepted(acceptedFileOf(TARGETS_DIR, used.profile.name));
    const today = options.today ?? isoDay(startedAt);
    const accept = (check: CheckResult): CheckResult => applyAccepted(check, accepted, today);
    const onCheck = options.onCheck;
    const ran = await runner.run(
      {
        profile: used.profile,
        keys: used.keys,
        embedded: used.embedded,
        guessed: used.guessed,
        seed,
        ...(config.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: config.requestTimeoutMs }),
        ...(spoolDir === undefined ? {} : { harSpoolDir: spoolDir }),
      },
      onCheck === undefined ? undefined : (check) => onCheck(scrubValue(accept(check))),
    );
    const checks = ran.map(accept);
    if (spoolDir !== undefined && options.har !== undefined) {
      const written = collectHar(spoolDir, options.har, `harness verify, run ${runId}, seed ${seed}`);
      options.onHar?.(written);
    }
    const result = buildResult({
      runId,
      target: used,
      faults: config.faults,
      seed,
      startedAt,
      finishedAt: new Date(),
      checks,
      notes: used.notes ?? [],
    });
    if (runDir !== undefined) {
      runDir.write('verify.json', JSON.stringify(result, null, 2) + '\n');
      runDir.write('verify.junit.xml', toJUnit(result));
    }
    return result;
  } finally {
    if (spoolDir !== undefined) rmSync(spoolDir, { recursive: true, force: true });
    if (options.runner === undefined) await runner?.close();
    await own?.stop();
  }
}
