import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { scrub } from '../secrets/index.js';
import { REPO_ROOT } from '../config/index.js';
import { parseThresholdKey } from '../engine/metrics/threshold-parser.js';
import type { EngineChoice } from './select-engine.js';

export interface EngineRun {
  readonly script: string;
  /** Variables for the script's __ENV; the API key travels here, never on argv. */
  readonly env: Readonly<Record<string, string>>;
  readonly samplesOut: string;
  /** k6's --system-tags: only these system tags on the samples (default: k6's default set). */
  readonly systemTags?: readonly string[];
  /** k6 only: the web dashboard's variables (dashboardEnv), K6_WEB_DASHBOARD_EXPORT among them. */
  readonly dashboardEnv?: Readonly<Record<string, string>>;
  readonly quiet?: boolean;
  /** Called with the child's pid (benchmarks sample its memory). */
  readonly onStart?: (pid: number) => void;
  /** Bound on the child's life (loadTimeoutMs): SIGTERM when hit, SIGKILL after killGraceMs. */
  readonly timeoutMs?: number;
  readonly killGraceMs?: number;
  /** This process's part of the test (`harness load --shards`): k6's --execution-segment, e.g. "1/3:2/3". */
  readonly segment?: string;
  /** The whole test's split, k6's --execution-segment-sequence, e.g. "0,1/3,2/3,1". */
  readonly sequence?: string;
}

export interface EngineExit {
  /** The child's exit code; 128 + signal number when it was killed. */
  readonly code: number;
  /** True when timeoutMs was hit and the harness stopped the child. */
  readonly timedOut: boolean;
}

export const LOCAL_ENGINE_BIN = join(REPO_ROOT, 'bin', 'local-engine.mjs');

/**
 * The system tags the harness reads from raw samples (endpoint fallback, status, timeouts,
 * thresholds' scenario filters, checks); k6's others (url, method, proto, tls_version, …) only
 * make the output larger and its writing dearer (README "What raw output costs").
 */
export const RAW_SYSTEM_TAGS = [
  'status',
  'name',
  'group',
  'check',
  'error_code',
  'scenario',
  'expected_response',
];

// k6's default system tags (k6 run --help): a threshold may filter on any of them.
const K6_DEFAULT_SYSTEM_TAGS = new Set([
  'proto',
  'subproto',
  'status',
  'method',
  'url',
  'name',
  'group',
  'check',
  'error',
  'error_code',
  'tls_version',
  'scenario',
  'service',
  'expected_response',
]);

/**
 * RAW_SYSTEM_TAGS plus every default system tag a threshold filters on (a target profile's
 * `http_req_duration{method:GET}`): limiting the tags must never leave a threshold without samples.
 */
export function rawSystemTags(thresholdKeys: readonly string[]): string[] {
  const wanted = new Set(RAW_SYSTEM_TAGS);
  for (const key of thresholdKeys) {
    let filters: Readonly<Record<string, string>>;
    try {
      filters = parseThresholdKey(key).filters;
    } catch {
      continue; // the engine refuses a malformed key at start, with its own message
    }
    for (const tag of Object.keys(filters)) if (K6_DEFAULT_SYSTEM_TAGS.has(tag)) wanted.add(tag);
  }
  return [...wanted];
}

/**
 * The k6 command line (identical for the local engine's k6-shaped CLI). Holds no secret. No
 * --new-machine-readable-summary: the summary is built from the classic handleSummary data,
 * which carries every threshold's verdict on k6 1.x, 2.x and the local engine alike.
 */
export function engineArgs(run: EngineRun): string[] {
  return [
    'run',
    '--out',
    `json=${run.samplesOut}`,
    ...(run.segment === undefined ? [] : ['--execution-segment', run.segment]),
    ...(run.sequence === undefined ? [] : ['--execution-segment-sequence', run.sequence]),
    ...(run.systemTags === undefined ? [] : [`--system-tags=${run.systemTags.join(',')}`]),
    ...(run.quiet === true ? ['--quiet'] : []),
    run.script,
  ];
}

/**
 * Runs the engine as a child process and resolves with its exit code (k6's convention:
 * 99 = thresholds crossed) and whether the harness had to stop it at run.timeoutMs. The child inherits this process's environment plus `run.env`,
 * so k6 puts the key into __ENV without it ever appearing in a process listing.
 */
export function runEngine(
  choice: EngineChoice,
  run: EngineRun,
  onOutput: (chunk: string) => void = (c) => void process.stdout.write(scrub(c)),
): Promise<EngineExit> {
  const dashboard = choice.kind === 'k6' ? run.dashboardEnv : undefined;
  const [command, prefix] =
    choice.kind === 'k6' ? [choice.binary ?? 'k6', []] : [process.execPath, [LOCAL_ENGINE_BIN]];
  const child = spawn(command, [...prefix, ...engineArgs(run)], {
    env: { ...process.env, ...run.env, ...dashboard },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches the harness only, which forwards it
    // once (k6 aborts without its summary on a second signal).
    detached: true,
  });
  if (child.pid !== undefined) run.onStart?.(child.pid);
  child.stdout.setEncoding('utf8').on('data', onOutput);
  child.stderr.setEncoding('utf8').on('data', onOutput);
  let timedOut = false;
  let killer: NodeJS.Timeout | undefined;
  const bound =
    run.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
          killer = setTimeout(() => child.kill('SIGKILL'), run.killGraceMs ?? 5_000);
        }, run.timeoutMs);
  // The harness's SIGINT/SIGTERM reaches the engine once (it stops gracefully and writes its
  // summary); a second one kills it, as a second Ctrl-C would.
  let forwarded = false;
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(forwarded ? 'SIGKILL' : signal);
    forwarded = true;
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    const clear = (): void => {
      clearTimeout(bound);
      clearTimeout(killer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };
    child.on('error', (error) => {
      clear();
      reject(error);
    });
    child.on('close', (code, signal) => {
      clear();
      resolve({ code: code ?? (signal === null ? 1 : 128 + (signal === 'SIGKILL' ? 9 : 15)), timedOut });
    });
  });
}
