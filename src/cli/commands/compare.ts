import type { Command } from 'commander';
import { HarnessError } from '../../errors/index.js';
import type { CommandModule } from '../command-module.js';

interface CompareFlags {
  baseline?: string;
  current?: string;
  minEffect: string;
  seed?: string;
  reportsDir?: string;
  json?: boolean;
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
        "baseline run (id or path); default: the saved baseline of the current run's target+profile",
      )
      .option('--current <run>', 'run to judge (id, path or "latest")', 'latest')
      .option(
        '--min-effect <fraction>',
        'smallest p95 increase that counts as a regression (0.10 = +10 %)',
        '0.10',
      )
      .option('--seed <n>', 'bootstrap seed (the result is reproducible for a seed)', '1')
      .option('--reports-dir <dir>', 'where run folders live (default reports)')
      .option('--json', 'print the comparison as JSON')
      .action(async (flags: CompareFlags) => {
        const { resolveConfig } = await import('../../config/index.js');
        const { findBaseline, resolveRunDir } = await import('../../history/index.js');
        const { compareRuns, formatComparison } = await import('../../compare/index.js');
        const config = resolveConfig({ flags: { reportsDir: flags.reportsDir } });
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
        const current = resolveRunDir(config.reportsDir, flags.current);
        const baseline =
          flags.baseline === undefined
            ? findBaseline(config.reportsDir, current).path
            : resolveRunDir(config.reportsDir, flags.baseline);
        const result = await compareRuns(baseline, current, { minEffect, seed });
        process.stdout.write(
          flags.json === true ? `${JSON.stringify(result, null, 2)}\n` : formatComparison(result),
        );
        process.exitCode = result.regressions > 0 ? 1 : 0;
      });
  },
};
