import { spawnSync } from 'node:child_process';
import { boundHit } from '../config/index.js';
import { HarnessError } from '../errors/index.js';

export type EngineRequest = 'auto' | 'k6' | 'local';

export interface EngineChoice {
  readonly kind: 'k6' | 'local';
  readonly requested: EngineRequest;
  readonly reason: string;
  readonly binary?: string;
  readonly version?: string;
}

/** The oldest k6 major the harness supports (the executors, k6/timers and classic handleSummary data the scenarios use; tested with 2.2.0). */
export const MIN_K6_MAJOR = 1;

/** "k6 v1.2.3 (go1.24…)" → "1.2.3". */
export function parseK6Version(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)/.exec(output)?.[1];
}

interface Probe {
  readonly binary: string;
  readonly version?: string;
  readonly problem?: string;
}

/** Bound on `k6 version`; requestTimeoutMs's default, so a hung binary costs no more than one request. */
export const VERSION_TIMEOUT_MS = 10_000;

function probeK6(env: NodeJS.ProcessEnv, timeoutMs: number): Probe | undefined {
  const binary = env.K6_BIN !== undefined && env.K6_BIN !== '' ? env.K6_BIN : 'k6';
  const result = spawnSync(binary, ['version'], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env,
  });
  // A hung binary is a problem worth naming even when it was only found on PATH.
  if (result.error !== undefined && 'code' in result.error && result.error.code === 'ETIMEDOUT')
    return { binary, problem: `\`${binary} version\` gave ${boundHit('requestTimeoutMs', timeoutMs)}` };
  if (result.error !== undefined)
    return binary === 'k6'
      ? undefined
      : {
          binary,
          problem: `K6_BIN=${binary} cannot run (${(result.error as NodeJS.ErrnoException).code ?? result.error.message})`,
        };
  const version = parseK6Version(`${result.stdout}${result.stderr}`);
  if (version === undefined) return { binary, problem: `\`${binary} version\` printed no version` };
  if (Number(version.split('.')[0]) < MIN_K6_MAJOR)
    return {
      binary,
      version,
      problem: `k6 ${version} is older than ${MIN_K6_MAJOR}.0, the oldest the harness supports`,
    };
  return { binary, version };
}

/**
 * Picks the engine: k6 = K6_BIN or `k6` on PATH (≥ 1.0), local = this project's engine,
 * auto = k6 when a usable one is present, else local. The reason is printed and reported.
 */
export function selectEngine(
  requested: EngineRequest,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs: number = VERSION_TIMEOUT_MS,
): EngineChoice {
  if (requested === 'local')
    return { kind: 'local', requested, reason: 'local: requested with --engine local' };
  const probe = probeK6(env, timeoutMs);
  if (probe !== undefined && probe.problem === undefined) {
    return {
      kind: 'k6',
      requested,
      binary: probe.binary,
      ...(probe.version === undefined ? {} : { version: probe.version }),
      reason: `${requested}: k6 ${probe.version ?? '?'} at ${probe.binary}`,
    };
  }
  const why = probe?.problem ?? 'no k6 on PATH and K6_BIN unset';
  if (requested === 'k6') throw new HarnessError('HARNESS_ERR_K6_UNAVAILABLE', `--engine k6: ${why}`);
  return { kind: 'local', requested, reason: `auto: ${why}; using the local engine` };
}
