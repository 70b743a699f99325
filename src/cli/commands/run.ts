import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags } from '../config-flags.js';
import { harnessVersion } from '../project-root.js';

/** `harness run`: the main job — verify, every load scenario, one run folder, one report. */
export const command: CommandModule = {
  register(program: Command) {
    const cmd = program
      .command('run')
      .description(
        'The main job: verify the target, run every load scenario, write reports/<run-id>/ (index.html) and print a summary',
      )
      .addHelpText(
        'after',
        '\nAPI keys come from environment variables only (see the target profile); never pass one as a flag.\nExit codes: 0 pass, 1 contract failure, 99 load thresholds crossed, 2 usage/config error,\n130/143 interrupted by SIGINT/SIGTERM (the run is recorded as interrupted, with what was measured).',
      );
    cmd.option(
      '--har <file>',
      "record verify's exchanges to <file> and load's first iteration of each scenario to <file>.load.har (local engine only), HAR 1.2, keys redacted, capped",
    );
    addConfigFlags(cmd, [
      'target',
      'profile',
      'engine',
      'timeScale',
      'realTime',
      'ci',
      'seed',
      'reportsDir',
      'fault',
      'requestTimeout',
      'connectTimeout',
      'loadTimeout',
      'maxCredits',
    ]).action(async (flags: Parameters<typeof configFromFlags>[0] & { har?: string }) => {
      let config = await configFromFlags(flags);
      // The seed is fixed here so it is printed and recorded even when chosen at random.
      if (config.seed === undefined) config = await configFromFlags(flags, { seed: randomInt(2 ** 31) });
      // Loaded when the command runs: command modules load for every `--help`.
      const { Progress, runJob } = await import('../../report/job/index.js');
      const result = await runJob(
        config as typeof config & { seed: number },
        new Progress(config.ci),
        harnessVersion(),
        flags.har === undefined ? {} : { har: resolve(flags.har) },
      );
      if (result.signal !== undefined) {
        const { name, phase, recorded } = result.signal;
        const what = recorded ? 'run recorded as interrupted' : 'the run had finished measuring';
        process.stderr.write(
          config.ci
            ? `${JSON.stringify({ event: 'interrupted', signal: name, phase, recorded, report: result.reportFile, exitCode: result.exitCode })}\n`
            : `harness run: ${name} received during ${phase}; ${what}, report: ${result.reportFile} (exit ${result.exitCode})\n`,
        );
        // Abandoned checks may still hold the event loop open: the run is recorded, leave now.
        process.exit(result.exitCode);
      }
      process.exitCode = result.exitCode;
    });
  },
};
