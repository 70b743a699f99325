import type { Command } from 'commander';

/** What a file in src/cli/commands/ exports: it adds its subcommand to the program. */
export interface CommandModule {
  register(program: Command): void;
}
