import type { Command } from 'commander';
// Only the scenario list at start (for --help); the rest loads when the command runs.
import { listScenarios } from '../../load/list-scenarios.js';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags } from '../config-flags.js';

/** `harness load`: k6 scenarios against a target (default: the embedded reference), by k6 or the local engine. */
export const command: CommandModule = {
  register(program: Command) {
    const cmd = program
      .command('load')
      .description(
        'Run k6 load scenarios (k6 when installed, else the local engine) and write reports/<run-id>/ (load-summary.json, load-run.json, load.junit.xml, samples.json.gz)',
      )
      .option(
        '--scenario <name>',
        `scenario: ${listScenarios().join('|')} (all = every scenario side by side)`,
        'all',
      )
      .option(
        '--shards <n>',
        'split the test across n engine processes started together (equal execution segments), merged into one verdict (reports/<run-id>/shards/<i>/)',
        '1',
      )
      .addHelpText(
        'after',
        '\nThe API key comes from the environment variable the target profile names, and reaches the engine through its environment, never argv.\nExit code follows k6: 0 pass, 99 thresholds crossed; 2 usage/config error; 130/143 interrupted by SIGINT/SIGTERM (the engine stops gracefully, its partial results are written).',
      );
    addConfigFlags(cmd, [
      'target',
      'profile',
      'engine',
      'timeScale',
      'realTime',
      'fault',
      'seed',
      'reportsDir',
      'ci',
      'connectTimeout',
      'loadTimeout',
      'maxCredits',
    ]).action(
      async (flags: Parameters<typeof configFromFlags>[0] & { scenario?: string; shards?: string }) => {
        const config = await configFromFlags(flags);
        const { runLoad } = await import('../../load/index.js');
        const { SIGNAL_EXIT_CODE, watchInterrupts } = await import('../../run/index.js');
        // Ctrl-C stops the engine gracefully (runLoad forwards the signal to it once); what it
        // measured is written, and the exit code says the run was interrupted, never a verdict.
        const watch = watchInterrupts();
        try {
          const result = await runLoad(config, {
            ...(flags.scenario === undefined ? {} : { scenario: flags.scenario }),
            shards: Number(flags.shards ?? '1'),
          });
          const signal = watch.received;
          if (signal === undefined) {
            process.exitCode = result.exitCode;
            return;
          }
          const line = `harness load: ${signal} received; the engine stopped gracefully, partial results in ${result.runDir.path} (interrupted: not a verdict)`;
          process.stderr.write(
            config.ci
              ? `${JSON.stringify({ event: 'interrupted', signal, runDir: result.runDir.path, exitCode: SIGNAL_EXIT_CODE[signal] })}\n`
              : `${line}\n`,
          );
          process.exitCode = SIGNAL_EXIT_CODE[signal];
        } finally {
          watch.dispose();
        }
      },
    );
  },
};
