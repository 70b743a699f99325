import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHarnessError } from '../../../src/errors/index.js';
import { exitCodeForError, runLocalEngine } from '../../../src/engine/index.js';

export type EngineName = 'local' | 'k6';

export interface EngineResult {
  readonly exitCode: number;
  /** handleSummary's data, which every conformance script writes to SUMMARY_FILE. */
  readonly summary:
    | { metrics: Record<string, { type: string; values: Record<string, number> }>; root_group?: unknown }
    | undefined;
  readonly log: string;
  readonly durationMs: number;
  /** The --summary-export file, when asked for. */
  readonly exported: unknown;
}

/** `k6 run` flags a conformance test may add (each maps to the local engine's option). */
export interface RunFlags {
  readonly summaryExport?: boolean;
  readonly verbose?: boolean;
  readonly vus?: number;
  readonly iterations?: number;
  readonly duration?: string;
}

/**
 * Runs a conformance script on an engine with `-e` variables: the local engine in process,
 * or Grafana k6 (`K6_BIN`) as a child, exactly as a user would run it.
 */
export async function runEngine(
  engine: EngineName,
  script: string,
  env: Record<string, string>,
  flags: RunFlags = {},
): Promise<EngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-conformance-'));
  const summaryFile = join(dir, 'summary.json');
  const exportFile = join(dir, 'export.json');
  const vars = { ...env, SUMMARY_FILE: summaryFile };
  const t0 = performance.now();
  let exitCode: number;
  let log = '';
  if (engine === 'local') {
    const lines: string[] = [];
    try {
      ({ exitCode } = await runLocalEngine({
        script,
        env: vars,
        quiet: true,
        summaryExport: flags.summaryExport === true ? exportFile : undefined,
        verbose: flags.verbose,
        overrides: { vus: flags.vus, iterations: flags.iterations, duration: flags.duration },
        onProgress: (l) => lines.push(l),
        stdout: (t) => lines.push(t),
      }));
    } catch (error) {
      // What `local-engine run` prints and exits with, as k6 does for a refused script.
      lines.push(isHarnessError(error) ? error.format() : String(error));
      exitCode = exitCodeForError(error);
    }
    log = lines.join('\n');
  } else {
    const bin = process.env.K6_BIN ?? 'k6';
    const args = ['run', '--quiet', ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`])];
    if (flags.summaryExport === true) args.push('--summary-export', exportFile);
    if (flags.verbose === true) args.push('--verbose');
    if (flags.vus !== undefined) args.push('--vus', String(flags.vus));
    if (flags.iterations !== undefined) args.push('--iterations', String(flags.iterations));
    if (flags.duration !== undefined) args.push('--duration', flags.duration);
    args.push(script);
    exitCode = await new Promise((resolve) => {
      execFile(bin, args, { timeout: 60_000 }, (error, stdout, stderr) => {
        log = `${stdout}\n${stderr}`;
        resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : 1);
      });
    });
  }
  const summary = existsSync(summaryFile)
    ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as EngineResult['summary'])
    : undefined;
  const exported = existsSync(exportFile)
    ? (JSON.parse(readFileSync(exportFile, 'utf8')) as unknown)
    : undefined;
  return { exitCode, summary, log, durationMs: performance.now() - t0, exported };
}

export function count(result: EngineResult, metric: string): number {
  return result.summary?.metrics[metric]?.values.count ?? 0;
}
