import { resolve } from 'node:path';
import { createMetricsEngine } from '../metrics/index.js';
import type { CliOverrides } from './options/cli-overrides.js';
import { runTest } from './run-test.js';
import { formatLogLine } from './runtime/log-line.js';

export interface RunLocalEngineOptions {
  readonly script: string;
  /** Becomes __ENV (the CLI passes the process environment plus each -e K=V). */
  readonly env?: Readonly<Record<string, string>>;
  /** k6's `--out json=FILE` (gzipped when it ends in .gz). */
  readonly jsonOut?: string;
  readonly summaryExport?: string;
  readonly newMachineReadableSummary?: boolean;
  /** No banner and no progress lines (log lines still go to onProgress / stderr). */
  readonly quiet?: boolean;
  readonly onProgress?: (line: string) => void;
  readonly cwd?: string;
  /** `-v`/`--verbose`: console.debug lines are shown (k6 hides them otherwise). */
  readonly verbose?: boolean;
  /** k6's --system-tags: the system tags HTTP samples keep (default: k6's default set). */
  readonly systemTags?: readonly string[];
  /**
   * k6's --vus / --iterations / --duration / --execution-segment / --execution-segment-sequence:
   * replace the script's own (k6's CLI > script rule).
   */
  readonly overrides?: CliOverrides;
  /** Where handleSummary's 'stdout' / the text summary go (default process.stdout). */
  readonly stdout?: (text: string) => void;
}

/**
 * Runs a k6 script on the local engine (not k6) and resolves to k6's exit code (0, 99 when
 * thresholds failed, 108 after test.abort(), 100/101 setup/teardown timeouts). Problems
 * with the script itself (unsupported API, syntax, init exception, bad options) reject with
 * a HarnessError before any request is made.
 */
export async function runLocalEngine(opts: RunLocalEngineOptions): Promise<{ exitCode: number }> {
  const cwd = opts.cwd ?? process.cwd();
  const log = opts.onProgress ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const metrics = createMetricsEngine({
    jsonOut: opts.jsonOut === undefined ? undefined : resolve(cwd, opts.jsonOut),
  });
  // A promise a script forgot to await must not crash the process: k6 logs it and goes on.
  const logTTY = opts.onProgress === undefined && process.stderr.isTTY === true;
  const started = performance.now();
  const onRejection = (reason: unknown): void =>
    log(
      formatLogLine(
        logTTY,
        performance.now() - started,
        'error',
        `Uncaught (in promise) ${reason instanceof Error ? reason.message : String(reason)}`,
        {},
      ),
    );
  process.on('unhandledRejection', onRejection);
  try {
    const exitCode = await runTest({
      script: opts.script,
      env: opts.env ?? {},
      metrics,
      newMachineReadableSummary: opts.newMachineReadableSummary === true,
      summaryExport: opts.summaryExport,
      cwd,
      out: {
        stdout: opts.stdout ?? ((text) => void process.stdout.write(text)),
        stderr: (text) => void process.stderr.write(text),
        isStdOutTTY: opts.stdout === undefined && process.stdout.isTTY === true,
        isStdErrTTY: process.stderr.isTTY === true,
      },
      onProgress: opts.quiet === true ? undefined : log,
      log,
      logTTY,
      verbose: opts.verbose === true,
      ...(opts.systemTags === undefined ? {} : { systemTags: opts.systemTags }),
      overrides: opts.overrides,
    });
    return { exitCode };
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}
