import type { Command } from 'commander';
import { HarnessError } from '../../errors/index.js';
import type { CommandModule } from '../command-module.js';

interface HostileFlags {
  port: string;
  trickleInterval?: string;
  retryAfter?: string;
}

const integer = (flag: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0)
    throw new HarnessError(
      'HARNESS_ERR_USAGE',
      `${flag} ${JSON.stringify(raw)} is not a non-negative integer`,
      { hint: `Pass e.g. ${flag} 0.` },
    );
  return value;
};

/**
 * `harness hostile`: the misbehaving companion server (src/hostile) in the foreground, so a
 * user can point `harness verify --target <url>` or `harness load` at one broken behaviour.
 */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('hostile')
      .description(
        'Run the hostile companion server (loopback only): one misbehaviour per URL, to see how verify and load report broken targets; Ctrl-C stops it',
      )
      .option('--port <n>', 'port to listen on (0 = a free port)', '0')
      .option('--trickle-interval <ms>', 'trickle mode: milliseconds between body bytes (default 500)')
      .option('--retry-after <s>', 'Retry-After seconds in the *-retry-after modes (default 1)')
      .addHelpText(
        'after',
        '\nUse a mode URL as a bare-URL target, e.g.\n  HARNESS_API_KEY=anything harness verify --target http://127.0.0.1:PORT/hang --request-timeout 2000\n',
      )
      .action(async (flags: HostileFlags) => {
        const { HOSTILE_MODES, startHostile } = await import('../../hostile/index.js');
        const trickleIntervalMs = integer('--trickle-interval', flags.trickleInterval);
        const retryAfterSeconds = integer('--retry-after', flags.retryAfter);
        const server = await startHostile({
          port: integer('--port', flags.port) ?? 0,
          ...(trickleIntervalMs === undefined ? {} : { trickleIntervalMs }),
          ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        });
        process.stdout.write(
          [
            `hostile server listening on ${server.url} (one misbehaviour per path, on every endpoint; see src/hostile/modes.ts)`,
            ...HOSTILE_MODES.map((m) => `  ${server.baseUrl(m)}`),
            `  ${server.refusedUrl}  (connection refused: nothing listens there)`,
            'Ctrl-C stops it.',
            '',
          ].join('\n'),
        );
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        // close() ends the hang and trickle connections too, so stopping never waits on them.
        await server.close();
        process.stdout.write(`${signal}: hostile server stopped\n`);
      });
  },
};
