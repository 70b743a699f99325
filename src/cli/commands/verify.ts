import { join } from 'node:path';
import type { Command } from 'commander';
import { HarnessError } from '../../errors/index.js';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags } from '../config-flags.js';

/** `harness verify`: contract verification of a deployment (the embedded reference by default). */
export const command: CommandModule = {
  register(program: Command) {
    const cmd = program
      .command('verify')
      .description(
        'Verify a deployment against the documented contract: every check in contracts/, results in reports/<run-id>/ (verify.json, verify.junit.xml); exit 1 on any failure',
      )
      .option(
        '--detection-table',
        'verify the embedded reference once per fault and print fault → check(s) that caught it; fails if one goes uncaught',
      );
    addConfigFlags(cmd, [
      'target',
      'seed',
      'timeScale',
      'realTime',
      'fault',
      'reportsDir',
      'ci',
      'requestTimeout',
      'connectTimeout',
    ]).action(async (flags: Parameters<typeof configFromFlags>[0] & { detectionTable?: boolean }) => {
      const config = await configFromFlags(flags);
      const { printDetectionTable, printPretty, runDetectionTable, runVerify } =
        await import('../../verify/index.js');
      if (flags.detectionTable === true) {
        if (config.target !== undefined)
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            '--detection-table runs against the embedded reference; it cannot take --target',
            { hint: 'Drop --target (or unset HARNESS_TARGET).' },
          );
        const table = await runDetectionTable(config, config.faults);
        process.stdout.write(printDetectionTable(table));
        const { createRunDir } = await import('../../run/index.js');
        const runDir = createRunDir(config.reportsDir);
        const rows = table.rows.map((r) => ({
          fault: r.fault.name,
          violates: r.fault.violates,
          caughtBy: r.caughtBy,
          evidence: r.evidence,
        }));
        runDir.write(
          'detection.json',
          JSON.stringify(
            { seed: table.clean.seed, cleanPasses: table.clean.summary.failed === 0, ok: table.ok, rows },
            null,
            2,
          ) + '\n',
        );
        process.stdout.write(`reports: ${join(config.reportsDir, runDir.id)}/detection.json\n`);
        process.exitCode = table.ok ? 0 : 1;
        return;
      }
      const result = await runVerify(config);
      process.stdout.write(printPretty(result, { ci: config.ci }));
      process.stdout.write(
        `reports: ${join(config.reportsDir, result.runId)}/verify.json, verify.junit.xml\n`,
      );
      process.exitCode = result.summary.failed === 0 ? 0 : 1;
    });
  },
};
