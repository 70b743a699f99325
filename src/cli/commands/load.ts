import { Option, type Command } from 'commander';
import { resolveConfig, type ConfigLayer } from '../../config/index.js';
import { HarnessError } from '../../errors/index.js';
import { listScenarios, runLoad } from '../../load/index.js';
import type { CommandModule } from '../command-module.js';

interface LoadFlags {
  target?: string; scenario?: string; profile?: ConfigLayer['loadProfile']; engine?: ConfigLayer['engine']; timeScale?: string;
  realTime?: boolean; ci?: boolean; seed?: string; reportsDir?: string; fault?: string[];
  connectTimeout?: string; loadTimeout?: string;
}

const number = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new HarnessError('HARNESS_ERR_USAGE', `${name} ${JSON.stringify(raw)} is not a number`);
  return value;
};

/** `harness load`: k6 scenarios against a target (default: the embedded reference), by k6 or the local engine. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('load')
      .description('Run k6 load scenarios (k6 when installed, else the local engine) and write reports/<run-id>/ (load-summary.json, load-run.json, load.junit.xml, samples.json.gz)')
      .option('--target <name|url>', 'target profile (targets/<name>.json) or bare URL; default: the embedded reference deployment')
      .option('--scenario <name>', `scenario: ${listScenarios().join('|')} (all = every scenario side by side)`, 'all')
      .addOption(new Option('--profile <profile>', 'load profile').choices(['smoke', 'load', 'stress', 'soak', 'nightly']))
      .addOption(new Option('--engine <engine>', 'k6 = K6_BIN or k6 on PATH (≥ 1.0); local = this project\'s engine; auto = k6 when present').choices(['auto', 'k6', 'local']))
      .option('--time-scale <s>', 'embedded reference: multiply every duration and the 30 s limit (default 0.02)')
      .option('--real-time', 'embedded reference: time scale 1')
      .option('--fault <name...>', 'embedded reference: enable a fault mode (repeatable)')
      .option('--seed <n>', 'seed of the embedded reference')
      .option('--reports-dir <dir>', 'where run folders are written (default reports)')
      .option('--ci', 'quiet engine output')
      .option('--connect-timeout <ms>', 'bound on the connect probe (connectTimeoutMs, default 3000)')
      .option('--load-timeout <ms>', 'bound on the load engine process (loadTimeoutMs, default: the profile\'s planned duration + a margin)')
      .addHelpText('after', '\nThe API key comes from the environment variable the target profile names, and reaches the engine through its environment, never argv.\nExit code follows k6: 0 pass, 99 thresholds crossed; 2 usage/config error.')
      .action(async (flags: LoadFlags) => {
        if (flags.realTime === true && flags.timeScale !== undefined) throw new HarnessError('HARNESS_ERR_USAGE', '--real-time and --time-scale contradict each other', { hint: 'Pass one of them.' });
        const config = resolveConfig({
          flags: {
            target: flags.target, loadProfile: flags.profile, engine: flags.engine, reportsDir: flags.reportsDir, faults: flags.fault,
            timeScale: flags.realTime === true ? 1 : number('--time-scale', flags.timeScale), seed: number('--seed', flags.seed),
            ci: flags.ci === true ? true : undefined,
            connectTimeoutMs: number('--connect-timeout', flags.connectTimeout), loadTimeoutMs: number('--load-timeout', flags.loadTimeout),
          },
        });
        const result = await runLoad(config, { ...(flags.scenario === undefined ? {} : { scenario: flags.scenario }) });
        process.exitCode = result.exitCode;
      });
  },
};
