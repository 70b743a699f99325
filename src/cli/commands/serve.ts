import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
// The file, not config/index.ts, which loads ajv: command modules load for every `--help`.
import { boundHint } from '../../config/bounds.js';
import type { DrainCount } from '../../../reference/index.js';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags, numberFlag } from '../config-flags.js';

interface ServeFlags {
  port: string;
  host: string;
  timeScale?: string;
  realTime?: boolean;
  drainTimeout?: string;
  fault?: string[];
  seed?: string;
  listFaults?: boolean;
  listWorkflows?: boolean;
}

async function printCatalogues(flags: ServeFlags): Promise<void> {
  // The catalogues only: the server (fastify) loads when one is started.
  const { listFaults } = await import('../../../reference/faults/index.js');
  const { listWorkflows } = await import('../../../reference/workflows/index.js');
  if (flags.listFaults === true) {
    for (const f of listFaults())
      process.stdout.write(`${f.name.padEnd(28)} ${f.title}\n${''.padEnd(28)} violates: ${f.violates}\n`);
  }
  if (flags.listWorkflows === true) {
    for (const w of listWorkflows()) {
      const inputs = Object.keys(w.inputComponents)
        .map((n) => JSON.stringify(n))
        .join(', ');
      const outputs = Object.keys(w.outputComponents)
        .map((n) => JSON.stringify(n))
        .join(', ');
      process.stdout.write(
        `${`${w.id} v${w.version}`.padEnd(12)} ${(w.role ?? '').padEnd(15)} ${w.title}\n${''.padEnd(28)} in: ${inputs} → out: ${outputs}\n`,
      );
    }
  }
}

/** `harness serve`: the embedded reference deployment, in the foreground, until SIGINT/SIGTERM. */
export const command: CommandModule = {
  register(program: Command) {
    const cmd = program
      .command('serve')
      .description('Run the embedded reference deployment of the workflow API (loopback only) until Ctrl-C')
      .option('--port <n>', 'port to listen on (0 = a free port)', '0')
      .option('--host <host>', 'loopback address to listen on (127.0.0.1, localhost or ::1)', '127.0.0.1')
      .option(
        '--drain-timeout <ms>',
        'on SIGINT/SIGTERM, how long in-flight executions may finish before the rest are recorded failed (default 5000)',
      )
      .option('--list-faults', 'list the fault modes and exit')
      .option('--list-workflows', 'list the demo workflows and exit')
      .addHelpText(
        'after',
        '\nPrints its URL and three demo keys (new each start). Shuts down on SIGINT/SIGTERM after draining in-flight work.\nSee reference/README.md for the endpoints, the order of checks, the faults and the ground-truth endpoints.',
      );
    addConfigFlags(cmd, ['timeScale', 'realTime', 'fault', 'seed']).action(async (flags: ServeFlags) => {
      if (flags.listFaults === true || flags.listWorkflows === true) {
        await printCatalogues(flags);
        return;
      }
      const config = await configFromFlags({
        timeScale: flags.timeScale,
        realTime: flags.realTime,
        fault: flags.fault,
        seed: flags.seed,
      });
      const seed = config.seed ?? randomInt(2 ** 31);
      const { KEY_ENV, startReference } = await import('../../../reference/index.js');
      const { BARE_URL_EXTRA_KEY_ENV, BARE_URL_KEY_ENV } = await import('../../target/index.js');
      const drainTimeoutMs = numberFlag('--drain-timeout', flags.drainTimeout);
      const ref = await startReference({
        host: flags.host,
        port: numberFlag('--port', flags.port) ?? 0,
        timeScale: config.timeScale,
        faults: config.faults,
        seed,
        ...(drainTimeoutMs === undefined ? {} : { drainTimeoutMs }),
      });
      const env = ref.keyEnv();
      process.stdout.write(
        [
          `reference deployment listening on ${ref.url}`,
          `  time scale ${config.timeScale} · sync limit ${ref.options.syncLimitMs * config.timeScale} ms · seed ${seed} · faults: ${config.faults.length === 0 ? 'none' : config.faults.join(', ')}`,
          '  demo keys (new each start), as the variables a bare URL reads:',
          `    export ${BARE_URL_KEY_ENV}=${env[KEY_ENV.full] ?? ''}`,
          `    export ${BARE_URL_EXTRA_KEY_ENV.noPermission}=${env[KEY_ENV.noPermission] ?? ''}`,
          `    export ${BARE_URL_EXTRA_KEY_ENV.noCredits}=${env[KEY_ENV.noCredits] ?? ''}`,
          `    npx harness verify --target ${ref.url}`,
          `  health: ${ref.url}/__reference/health`,
          'Ctrl-C stops it (in-flight executions are drained first).',
          '',
        ].join('\n'),
      );
      const count = await new Promise<DrainCount>((resolve, reject) => {
        const stop = (signal: NodeJS.Signals): void => {
          process.stdout.write(
            `${signal}: draining in-flight executions (up to ${ref.options.drainTimeoutMs} ms ${boundHint('drainTimeoutMs')})…\n`,
          );
          ref.close().then(resolve, reject);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // One line that accounts for every execution in flight at the signal: none silently dropped.
      process.stdout.write(
        `reference deployment stopped: ${count.drained} in-flight executions drained (finished), ${count.shutdown} recorded as failed ('shutdown') after the ${ref.options.drainTimeoutMs} ms drain bound\n`,
      );
    });
  },
};
