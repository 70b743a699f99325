import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { scrub } from '../../../secrets/index.js';
import {
  summaryExport,
  textSummary,
  type LegacySummaryData,
  type SummaryState,
} from '../../metrics/index.js';
import type { TestRun } from '../runtime/test-run.js';
import type { Vu } from '../runtime/vu.js';

export interface SummaryTarget {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isStdOutTTY: boolean;
  readonly isStdErrTTY: boolean;
}

export interface WriteSummaryInput {
  readonly run: TestRun;
  readonly vu0: Vu;
  readonly options: Readonly<Record<string, unknown>>;
  readonly scriptPath: string;
  readonly newMachineReadable: boolean;
  readonly summaryExport: string | undefined;
  readonly cwd: string;
  readonly out: SummaryTarget;
  /** What setup() returned (k6 hands it to handleSummary as data.setup_data). */
  readonly setupData: unknown;
}

function writeFile(cwd: string, path: string, content: string): void {
  const file = resolve(cwd, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, scrub(content));
}

/**
 * k6's end of test: handleSummary(data) when the script exports it (each returned key is
 * 'stdout', 'stderr' or a file path relative to the working directory), else the text
 * summary on stdout; `--summary-export` writes the classic JSON summary as well.
 */
export async function writeSummary(input: WriteSummaryInput): Promise<void> {
  const { run, vu0, out } = input;
  const state: SummaryState = {
    testRunDurationMs: run.elapsedMs(),
    isStdOutTTY: out.isStdOutTTY,
    isStdErrTTY: out.isStdErrTTY,
    checks: [...run.checks.values()].map((c) => ({ ...c })),
    groups: [...run.groups],
    options: input.options,
    scriptPath: input.scriptPath,
    scriptSource: input.newMachineReadable ? readFileSync(input.scriptPath, 'utf8') : undefined,
    setupData: input.setupData,
  };
  const legacy = run.metrics.legacySummary(state);
  const machineReadable = input.newMachineReadable ? run.metrics.machineReadableSummary(state) : undefined;
  // k6 writes its export format, or under --new-machine-readable-summary that summary itself.
  if (input.summaryExport !== undefined)
    writeFile(
      input.cwd,
      input.summaryExport,
      JSON.stringify(machineReadable ?? summaryExport(legacy as LegacySummaryData), null, 4),
    );
  const handle = vu0.exports.handleSummary;
  if (typeof handle === 'function') {
    const data = machineReadable ?? legacy;
    try {
      const result: unknown = await (handle as (d: unknown) => unknown)(data);
      for (const [key, value] of Object.entries((result ?? {}) as Record<string, unknown>)) {
        const text =
          typeof value === 'string'
            ? value
            : value instanceof ArrayBuffer
              ? Buffer.from(value).toString('utf8')
              : JSON.stringify(value);
        if (key === 'stdout') out.stdout(scrub(text));
        else if (key === 'stderr') out.stderr(scrub(text));
        else writeFile(input.cwd, key, text);
      }
      return;
    } catch (error) {
      // k6 reports the failure and falls back to its own summary.
      run.log(
        'error',
        `failed to handle the end-of-test summary: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  out.stdout(scrub(`\n  local engine (not k6): end-of-test summary\n\n${textSummary(legacy)}\n`));
}
