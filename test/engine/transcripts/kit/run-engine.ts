import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { engineArgs } from '../../../../src/load/run-engine.js';
import { LOCAL_ENGINE_BIN } from '../../../../src/load/run-engine.js';
import type { Subject } from './subjects.js';

export type EngineName = 'k6' | 'local';

/** Where a run's engine writes: the same file names on both engines. */
export function outputPaths(workDir: string): { summaryExport: string; samples: string; summary: string } {
  return {
    summaryExport: join(workDir, 'export.json'),
    samples: join(workDir, 'samples.json.gz'),
    summary: join(workDir, 'summary.json'),
  };
}

/**
 * The command line after `k6` (or `node bin/local-engine.mjs`): a conformance script as the
 * conformance tests run it (`-e` variables) plus the export, the samples and its variant's
 * engine flags; a scenario bundle
 * exactly as `harness load` runs it (src/load's engineArgs; its env goes in the environment).
 */
export function argsFor(
  subject: Subject,
  script: string,
  env: Readonly<Record<string, string>>,
  workDir: string,
): string[] {
  const out = outputPaths(workDir);
  if (subject.kind === 'scenario')
    return engineArgs({
      script,
      env,
      samplesOut: out.samples,
      quiet: true,
    });
  return [
    'run',
    '--quiet',
    '--summary-export',
    out.summaryExport,
    '--out',
    `json=${out.samples}`,
    ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
    ...subject.flags,
    script,
  ];
}

export interface EngineOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  readonly timedOut: boolean;
}

/** Bound on one run: every subject is seconds long; a hang must not hang the recorder or CI. */
export const RUN_TIMEOUT_MS = 90_000;

/** Runs k6 (K6_BIN) or the local engine's k6-shaped CLI as a child, with env added to its environment. */
export function runEngineChild(
  engine: EngineName,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<EngineOutput> {
  const [command, prefix] =
    engine === 'k6' ? [process.env.K6_BIN ?? 'k6', []] : [process.execPath, [LOCAL_ENGINE_BIN]];
  const started = performance.now();
  const child = spawn(command, [...prefix, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  let timedOut = false;
  const bound = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, RUN_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(bound);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(bound);
      resolve({
        exitCode: code ?? (signal === null ? 1 : 137),
        stdout,
        stderr,
        wallMs: Math.round(performance.now() - started),
        timedOut,
      });
    });
  });
}
