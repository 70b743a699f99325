import type { Command } from 'commander';
import type { CommandModule } from '../command-module.js';

/** `harness baseline save [RUN]`: the run `harness compare` measures later runs of its target+profile against. */
export const command: CommandModule = {
  register(program: Command) {
    const baseline = program
      .command('baseline')
      .description('Manage the baseline run of each target+profile');
    baseline
      .command('save [run]')
      .description(
        'Mark a run (id, path or "latest"; default latest) as the baseline for its target and profile',
      )
      .option('--reports-dir <dir>', 'where run folders live (default reports)')
      .action(async (run: string | undefined, flags: { reportsDir?: string }) => {
        const { resolveConfig } = await import('../../config/index.js');
        const { resolveRunDir, saveBaseline } = await import('../../history/index.js');
        const config = resolveConfig({ flags: { reportsDir: flags.reportsDir } });
        const record = saveBaseline(config.reportsDir, resolveRunDir(config.reportsDir, run));
        process.stdout.write(
          `baseline for ${record.target} @ ${record.profile}: ${record.runId} (copied to ${record.path})\n`,
        );
      });
  },
};
