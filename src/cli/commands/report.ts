import { relative } from 'node:path';
import type { Command } from 'commander';
import { resolveRunDir } from '../../history/index.js';
import { writeReport } from '../../report/index.js';
import type { CommandModule } from '../command-module.js';
import { reportsDirOf } from '../project-root.js';

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
        const reportsDir = await reportsDirOf(flags.reportsDir);
        const dir = resolveRunDir(reportsDir, run);
        const { file, data } = await writeReport(reportsDir, dir);
        const m = data.manifest;
        const note =
          m.status === 'complete'
            ? ''
            : `  (${m.status}${m.interruption === undefined ? '' : ` by ${m.interruption.signal} during ${m.interruption.phase}`}: not a verdict)`;
        process.stdout.write(`${relative(process.cwd(), file) || file}${note}\n`);
      });
  },
};
