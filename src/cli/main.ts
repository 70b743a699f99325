import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { HarnessError, isHarnessError } from '../errors/index.js';
import type { CommandModule } from './command-module.js';
import { harnessVersion } from './project-root.js';

/**
 * Builds the `harness` program from every file in ./commands (add a command by
 * dropping a file that exports `command: CommandModule`), runs it, and turns
 * errors into exit codes: 2 for usage/config errors, the command's own code otherwise.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command('harness')
    .description('Verification and load harness for the workflow-execution API')
    .version(harnessVersion(), '-V, --version', 'print the harness version')
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

/** With --ci (or CI=true) an error is one JSON line, like every other console event. */
function reportError(ci: boolean, code: string, message: string, hint: string | undefined): void {
  if (ci)
    process.stderr.write(
      `${JSON.stringify({ event: 'error', code, message, ...(hint === undefined ? {} : { hint }) })}\n`,
    );
  else process.stderr.write(`${code}: ${message}\n${hint === undefined ? '' : `  hint: ${hint}\n`}`);
}

export async function main(argv: readonly string[]): Promise<number> {
  const ci = argv.includes('--ci') || process.env.CI === 'true' || process.env.CI === '1';
  try {
    const program = await buildProgram();
    await program.parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (error.exitCode === 0) return 0;
      reportError(
        ci,
        'HARNESS_ERR_USAGE',
        error.message.replace(/^error: /, ''),
        'run the command with --help to see its options.',
      );
      return 2;
    }
    if (isHarnessError(error)) {
      reportError(ci, error.code, error.message, error.hint);
      if (process.env.HARNESS_DEBUG === '1' && error.stack !== undefined)
        process.stderr.write(`${error.stack}\n`);
      return 2;
    }
    const e = error instanceof Error ? error : new Error(String(error));
    reportError(
      ci,
      'HARNESS_ERR_INTERNAL',
      e.message,
      're-run with HARNESS_DEBUG=1 for the stack trace and report it.',
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
