import type { Command } from 'commander';
import type { CommandModule } from '../command-module.js';

/** `harness schemas`: lists the contracts and proves each compiles in ajv strict mode. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('schemas')
      .description('List the JSON Schemas in schemas/ and check that each compiles in ajv strict mode')
      .action(async () => {
        const { ContractValidator, listSchemaFiles } = await import('../../contract/index.js');
        const validator = new ContractValidator();
        for (const file of listSchemaFiles()) {
          validator.compile(file);
          process.stdout.write(`ok  ${file}\n`);
        }
      });
  },
};
