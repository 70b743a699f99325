import type { Command } from 'commander';
import { compareRuns, formatComparison } from '../../compare/index.js';
import { HarnessError } from '../../errors/index.js';
import {
  baselineOf,
  listBaselines,
  readManifest,
  resolveRunDir,
  seriesDiff,
  seriesId,
  seriesOf,
} from '../../history/index.js';
import type { CommandModule } from '../command-module.js';
import { reportsDirOf } from '../project-root.js';

interface CompareFlags {
  baseline?: string;
  current?: string;
  minEffect: string;
  seed?: string;
  reportsDir?: string;
  json?: boolean;
  allowMismatch?: boolean;
}

/** Target, profile and scenario set decide what was measured; engine and faults only how. */
const REFUSED_FIELDS = new Set(['target', 'profile', 'scenarios']);

/**
 * The baseline folder for `current`: --baseline as given (after checking the two runs are of
 * one series), or the saved baseline of current's series; undefined when none is saved yet.
 */
function chooseBaseline(reportsDir: string, current: string, flags: CompareFlags): string | undefined {
  const series = seriesOf(readManifest(current));
  if (flags.baseline === undefined) {
    const saved = baselineOf(reportsDir, series);
    if (saved !== undefined) return saved.path;
    const others = listBaselines(reportsDir).filter(
      (b) => b.series.target === series.target && b.series.profile === series.profile,
    );
    const notes = others.map((b) => `  a baseline exists for another series: ${seriesId(b.series)}\n`);
    process.stdout.write(
      `no baseline yet for ${seriesId(series)}: nothing to compare (exit 0). Save one with \`harness baseline save\`.\n${notes.join('')}`,
    );
    return undefined;
  }
  const dir = resolveRunDir(reportsDir, flags.baseline);
  const diff = seriesDiff(seriesOf(readManifest(dir)), series);
  const refused = diff.filter((d) => REFUSED_FIELDS.has(d.field));
  if (refused.length > 0 && flags.allowMismatch !== true)
    throw new HarnessError(
      'HARNESS_ERR_SERIES_MISMATCH',
      `the runs are of different series (baseline ≠ current): ${refused.map((d) => d.text).join('; ')}`,
    );
  for (const d of diff) process.stderr.write(`warning: baseline and current differ in ${d.text}\n`);
  return dir;
}

/** `harness compare`: metric by metric from raw samples; exit 1 on a regression. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('compare')
      .description(
        'Compare a run with the baseline from the raw samples (bootstrap CI of the p95 change + Mann–Whitney U); exit 1 on a regression',
      )
      .option(
        '--baseline <run>',
        "baseline run (id or path); default: the saved baseline of the current run's series (none yet: says so, exit 0)",
      )
      .option('--current <run>', 'run to judge (id, path or "latest")', 'latest')
      .option(
        '--min-effect <fraction>',
        'smallest p95 increase that counts as a regression (0.10 = +10 %)',
        '0.10',
      )
      .option('--seed <n>', 'bootstrap seed (the result is reproducible for a seed)', '1')
      .option('--reports-dir <dir>', 'where run folders live (default: reports/ in the project root)')
      .option('--json', 'print the comparison as JSON')
      .option('--allow-mismatch', 'compare runs of different targets, profiles or scenario sets anyway')
      .action(async (flags: CompareFlags) => {
        const reportsDir = await reportsDirOf(flags.reportsDir);
        const minEffect = Number(flags.minEffect);
        const seed = Number(flags.seed ?? '1');
        if (!Number.isFinite(minEffect) || minEffect < 0)
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            `--min-effect ${JSON.stringify(flags.minEffect)} is not a non-negative fraction`,
            { hint: 'e.g. --min-effect 0.10 for +10 %.' },
          );
        if (!Number.isInteger(seed) || seed < 0)
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            `--seed ${JSON.stringify(flags.seed)} is not a non-negative integer`,
          );
        const current = resolveRunDir(reportsDir, flags.current);
        const status = readManifest(current).status;
        if (status !== 'complete')
          process.stderr.write(`warning: the current run is ${status}: its samples stop early\n`);
        const baseline = chooseBaseline(reportsDir, current, flags);
        if (baseline === undefined) {
          process.exitCode = 0;
          return;
        }
        const result = await compareRuns(baseline, current, { minEffect, seed });
        process.stdout.write(
          flags.json === true ? `${JSON.stringify(result, null, 2)}\n` : formatComparison(result),
        );
        process.exitCode = result.regressions > 0 ? 1 : 0;
      });
  },
};
