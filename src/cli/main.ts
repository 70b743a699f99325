import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { HarnessError, isHarnessError } from '../errors/index.js';
import type { CommandModule } from './command-module.js';

/**
 * Builds the `harness` program from every file in ./commands (add a command by
 * dropping a file that exports `command: CommandModule`), runs it, and turns
 * errors into exit codes: 2 for usage/config errors, the command's own code otherwise.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command('harness')
    .description('Verification and load harness for the workflow-execution API')
    .exitOverride()
    // We print usage errors ourselves, with a code and a hint.
    .configureOutput({ outputError: () => undefined });
  // .ts when run from the sources, .js in the compiled CLI (dist/cli/).
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  for (const file of readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { command?: CommandModule };
    if (mod.command === undefined)
      throw new HarnessError('HARNESS_ERR_INTERNAL', `src/cli/commands/${file} exports no \`command\``);
    mod.command.register(program);
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await buildProgram();
    await program.parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (error.exitCode === 0) return 0;
      process.stderr.write(
        `HARNESS_ERR_USAGE: ${error.message.replace(/^error: /, '')}\n  hint: run the command with --help to see its options.\n`,
      );
      return 2;
    }
    if (isHarnessError(error)) {
      process.stderr.write(`${error.format()}\n`);
      if (process.env.HARNESS_DEBUG === '1' && error.stack !== undefined)
        process.stderr.write(`${error.stack}\n`);
      return 2;
    }
    const e = error instanceof Error ? error : new Error(String(error));
    process.stderr.write(
      `HARNESS_ERR_INTERNAL: ${e.message}\n  hint: re-run with HARNESS_DEBUG=1 for the stack trace and report it.\n`,
    );
    if (process.env.HARNESS_DEBUG === '1' && e.stack !== undefined) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

// `harness … | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (process.argv[1] !== undefined && /harness(\.mjs)?$|main\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
