import { relative } from 'node:path';
import type { Command } from 'commander';
import type { CommandModule } from '../command-module.js';

/** `harness report [RUN]`: (re)generates reports/<run>/index.html from the run folder. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('report [run]')
      .description(
        'Regenerate the HTML report of a run (id, path or "latest"; default latest) from its folder',
      )
      .option('--reports-dir <dir>', 'where run folders live (default reports)')
      .action(async (run: string | undefined, flags: { reportsDir?: string }) => {
        const { resolveConfig } = await import('../../config/index.js');
        const { resolveRunDir } = await import('../../history/index.js');
        const { writeReport } = await import('../../report/index.js');
        const config = resolveConfig({ flags: { reportsDir: flags.reportsDir } });
        const dir = resolveRunDir(config.reportsDir, run);
        const { file } = await writeReport(
          config.reportsDir,
          dir,
          config.seed === undefined ? {} : { seed: config.seed },
        );
        process.stdout.write(`${relative(process.cwd(), file) || file}\n`);
      });
  },
};
