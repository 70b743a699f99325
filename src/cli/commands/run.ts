import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Command } from 'commander';
// The file, not config/index.ts, which loads ajv: command modules load for every `--help`.
import { REPO_ROOT } from '../../config/repo-root.js';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags } from '../config-flags.js';

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
        '\nAPI keys come from environment variables only (see the target profile); never pass one as a flag.\nExit codes: 0 pass, 1 contract failure, 99 load thresholds crossed, 2 usage/config error.',
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
    ]).action(async (flags: Parameters<typeof configFromFlags>[0]) => {
      let config = await configFromFlags(flags);
      // The seed is fixed here so it is printed and recorded even when chosen at random.
      if (config.seed === undefined) config = await configFromFlags(flags, { seed: randomInt(2 ** 31) });
      const version = (
        JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
      const { Progress, runJob } = await import('../../report/job/index.js');
      const result = await runJob(
        config as typeof config & { seed: number },
        new Progress(config.ci),
        version,
      );
      process.exitCode = result.exitCode;
    });
  },
};
