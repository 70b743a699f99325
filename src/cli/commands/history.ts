import type { Command } from 'commander';
import { History, historyFile } from '../../history/index.js';
import type { CommandModule } from '../command-module.js';
import { numberFlag } from '../config-flags.js';
import { reportsDirOf } from '../project-root.js';

/** `harness history [--target NAME]`: every recorded run, newest first, with its status and exit code. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('history')
      .description('List recorded runs (newest first) with status, exit code and series')
      .option(
        '--target <name>',
        'only runs of this target (as recorded, e.g. reference, staging, url-host-port)',
      )
      .option('--limit <n>', 'at most this many runs', '20')
      .option('--reports-dir <dir>', 'where run folders live (default: reports/ in the project root)')
      .option('--json', 'print the runs as JSON')
      .action(async (flags: { target?: string; limit: string; reportsDir?: string; json?: boolean }) => {
        const limit = numberFlag('--limit', flags.limit) ?? 20;
        const history = new History(historyFile(await reportsDirOf(flags.reportsDir)));
        try {
          const runs = history.runs({
            ...(flags.target === undefined ? {} : { target: flags.target }),
            limit,
          });
          if (flags.json === true) {
            process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
            return;
          }
          if (runs.length === 0) {
            process.stdout.write('no runs recorded\n');
            return;
          }
          const rows = runs.map((r) => [
            r.time || '—',
            r.runId,
            r.status,
            r.exitCode === null ? '—' : String(r.exitCode),
            r.series,
          ]);
          const head = ['started', 'run', 'status', 'exit', 'series'];
          const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
          const fmt = (r: string[]): string =>
            r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
          process.stdout.write(`${[fmt(head), ...rows.map(fmt)].join('\n')}\n`);
        } finally {
          history.close();
        }
      });
  },
};
