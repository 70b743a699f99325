import type { Command } from 'commander';
import { HarnessError } from '../../errors/index.js';
import type { CommandModule } from '../command-module.js';
import { reportsDirOf } from '../project-root.js';

interface MergeFlags {
  reportsDir?: string;
  engine?: string;
  exactLimit?: string;
  report?: boolean;
}

/** `harness merge <dir>…`: shard folders (or `harness load --shards N` run folders) → one run, one verdict. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('merge <dirs...>')
      .description(
        'Merge shard folders (shard.json, summary-data.json, samples.json.gz; or `harness load --shards N` run folders) into one run folder reports/<run-id>/ with one summary and one verdict',
      )
      .option('--reports-dir <dir>', 'where run folders live (default reports)')
      .option('--engine <kind>', 'the engine the shards ran, recorded in load-run.json: k6|local', 'k6')
      .option(
        '--exact-limit <n>',
        'samples a Trend keeps exactly; past it, percentiles come from HDR histograms within 0.1 % (default 4000000)',
      )
      .option('--no-report', 'skip the HTML report (index.html)')
      .addHelpText(
        'after',
        '\nEvery threshold is judged again on the merged data. Shards that are missing (their segments do not cover 0..1), duplicated, from another test (testId) or another bundle (bundleId) are refused.\nExit code: 0 pass, 99 a threshold crossed on the merged data, 2 refused shards or a usage error.',
      )
      .action(async (dirs: string[], flags: MergeFlags) => {
        if (flags.engine !== 'k6' && flags.engine !== 'local')
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            `--engine ${String(flags.engine)}: expected k6 or local`,
          );
        const exactLimit = flags.exactLimit === undefined ? undefined : Number(flags.exactLimit);
        if (exactLimit !== undefined && !(Number.isInteger(exactLimit) && exactLimit >= 0))
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            `--exact-limit ${String(flags.exactLimit)}: expected a whole number ≥ 0`,
          );
        const reportsDir = await reportsDirOf(flags.reportsDir);
        const { mergeRun } = await import('../../merge/index.js');
        const result = await mergeRun(dirs, {
          reportsDir,
          engine: flags.engine,
          ...(exactLimit === undefined ? {} : { exactLimit }),
        });
        if (flags.report !== false) {
          const { writeReport } = await import('../../report/index.js');
          const { file } = await writeReport(reportsDir, result.runDir.path);
          process.stdout.write(`report: ${file}\n`);
        }
        process.exitCode = result.exitCode;
      });
  },
};
