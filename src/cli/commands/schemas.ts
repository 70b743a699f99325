import type { Command } from 'commander';
import { ContractValidator, listSchemaFiles } from '../../contract/index.js';
import type { CommandModule } from '../command-module.js';

/** `harness schemas`: lists the contracts and proves each compiles in ajv strict mode. */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('schemas')
      .description('List the JSON Schemas in schemas/ and check that each compiles in ajv strict mode')
      .action(() => {
        const validator = new ContractValidator();
        for (const file of listSchemaFiles()) {
          validator.compile(file);
          process.stdout.write(`ok  ${file}\n`);
        }
      });
  },
};
