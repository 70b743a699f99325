import { randomInt } from 'node:crypto';
import { createRunDir, newRunId, type RunDir } from '../run/index.js';
import { preflight, resolveTarget, type BareWorkflow, type ResolvedTarget } from '../target/index.js';
import { DEFAULTS } from '../config/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import { buildResult } from './build-result.js';
import type { VerifyResult } from './check-result.js';
import { CheckRunner } from './check-runner.js';
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
  try {
    // A rejected key or TLS trouble is a HarnessError here, before any check (exit 2).
    const used = resolved.embedded
      ? resolved
      : await preflight(resolved, {
          requestTimeoutMs: config.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs ?? 10_000,
        });
    runner ??= await CheckRunner.create();
    const startedAt = new Date();
    const checks = await runner.run({
      profile: used.profile,
      keys: used.keys,
      embedded: used.embedded,
      guessed: used.guessed,
      seed,
      ...(config.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: config.requestTimeoutMs }),
    });
    const write = options.write ?? true;
    const runDir = write ? (options.runDir ?? createRunDir(config.reportsDir)) : undefined;
    const result = buildResult({
      runId: runDir?.id ?? newRunId(startedAt),
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
    if (options.runner === undefined) await runner?.close();
    await own?.stop();
  }
}
