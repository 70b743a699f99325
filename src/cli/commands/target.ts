import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULTS } from '../../config/index.js';
import { HarnessError } from '../../errors/index.js';
import { initProfile, parseWorkflowFlag, TARGETS_DIR } from '../../target/index.js';
import type { CommandModule } from '../command-module.js';
import { numberFlag } from '../config-flags.js';

interface InitFlags {
  name?: string;
  keyEnv?: string;
  workflow?: string[];
  input?: string[];
  dir?: string;
  force?: boolean;
  requestTimeout?: string;
  connectTimeout?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `harness target init <url>`: probe a deployment and write a commented targets/<name>.json. */
export const command: CommandModule = {
  register(program: Command) {
    const target = program.command('target').description('Target profiles (targets/<name>.json)');
    target
      .command('init <url>')
      .description(
        'Probe a deployment from its URL (key in HARNESS_API_KEY) and write a commented targets/<name>.json to edit',
      )
      .option('--name <name>', 'profile name (default url-<host>)')
      .option(
        '--key-env <NAME>',
        'variable holding the main key (default HARNESS_API_KEY); only its name is written',
      )
      .option(
        '--workflow <[role:]id[@version]>',
        "a workflow to probe (repeatable; default the docs' example 12345 v1)",
        collect,
      )
      .option('--input <json>', 'a valid input for the --workflow at the same position (repeatable)', collect)
      .option('--dir <dir>', 'where to write (default targets/)')
      .option('--force', 'overwrite an existing file')
      .option('--request-timeout <ms>', 'bound on each probe request (default 10000)')
      .option('--connect-timeout <ms>', 'bound on the TCP probe (default 3000)')
      .action(async (url: string, flags: InitFlags) => {
        const workflows = (flags.workflow ?? []).map((spec, i) => parseWorkflowFlag(spec, flags.input?.[i]));
        const { name, text } = await initProfile(url, {
          workflows,
          ...(flags.name === undefined ? {} : { name: flags.name }),
          ...(flags.keyEnv === undefined ? {} : { apiKeyEnv: flags.keyEnv }),
          requestTimeoutMs:
            numberFlag('--request-timeout', flags.requestTimeout) ?? DEFAULTS.requestTimeoutMs ?? 10_000,
          connectTimeoutMs:
            numberFlag('--connect-timeout', flags.connectTimeout) ?? DEFAULTS.connectTimeoutMs ?? 3_000,
        });
        const file = join(flags.dir ?? TARGETS_DIR, `${name}.json`);
        if (existsSync(file) && flags.force !== true)
          throw new HarnessError('HARNESS_ERR_USAGE', `${file} exists`, {
            hint: 'Pass --force to overwrite it, or --name for another name.',
          });
        writeFileSync(file, text);
        process.stdout.write(`${text}\nwrote ${file}: edit it, then run harness verify --target ${name}\n`);
      });
  },
};
