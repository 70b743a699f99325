import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveConfig, type ConfigLayer } from '../../config/index.js';
import { HarnessError } from '../../errors/index.js';
import { createRunDir } from '../../run/index.js';
import { printDetectionTable, printPretty, runDetectionTable, runVerify } from '../../verify/index.js';
import type { CommandModule } from '../command-module.js';

interface VerifyFlags {
  target?: string;
  seed?: string;
  timeScale?: string;
  fault: string[];
  reportsDir?: string;
  ci?: boolean;
  detectionTable?: boolean;
  requestTimeout?: string;
  connectTimeout?: string;
}

function number(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new HarnessError('HARNESS_ERR_USAGE', `${flag} ${JSON.stringify(raw)} is not a number`, { hint: `Pass a number, e.g. ${flag} 42.` });
  return value;
}

/** `harness verify`: contract verification of a deployment (the embedded reference by default). */
export const command: CommandModule = {
  register(program: Command) {
    program
      .command('verify')
      .description('Verify a deployment against the documented contract: every check in contracts/, results in reports/<run-id>/ (verify.json, verify.junit.xml); exit 1 on any failure')
      .option('--target <name|url>', 'targets/<name>.json or a bare URL (key in HARNESS_API_KEY); default: start the embedded reference')
      .option('--seed <n>', 'seed for generated inputs and the reference (printed, for reproduction)')
      .option('--time-scale <s>', 'embedded reference only: multiplies workflow durations and the 30 s sync limit')
      .option('--fault <name>', 'embedded reference only: enable a fault mode (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
      .option('--reports-dir <dir>', 'where run folders are written')
      .option('--ci', 'quiet, machine-readable console output')
      .option('--request-timeout <ms>', 'bound on each check request (requestTimeoutMs, default 10000)')
      .option('--connect-timeout <ms>', 'bound on the connect probe before any check (connectTimeoutMs, default 3000)')
      .option('--detection-table', 'verify the embedded reference once per fault and print fault → check(s) that caught it; fails if one goes uncaught')
      .action(async (flags: VerifyFlags) => {
        const layer: ConfigLayer = {
          target: flags.target,
          seed: number('--seed', flags.seed),
          timeScale: number('--time-scale', flags.timeScale),
          reportsDir: flags.reportsDir,
          requestTimeoutMs: number('--request-timeout', flags.requestTimeout),
          connectTimeoutMs: number('--connect-timeout', flags.connectTimeout),
          ...(flags.ci === true ? { ci: true } : {}),
          ...(flags.fault.length > 0 ? { faults: flags.fault } : {}),
        };
        const config = resolveConfig({ flags: layer });
        if (flags.detectionTable === true) {
          if (config.target !== undefined) throw new HarnessError('HARNESS_ERR_USAGE', '--detection-table runs against the embedded reference; it cannot take --target', { hint: 'Drop --target (or unset HARNESS_TARGET).' });
          const table = await runDetectionTable(config, config.faults);
          process.stdout.write(printDetectionTable(table));
          const runDir = createRunDir(config.reportsDir);
          const rows = table.rows.map((r) => ({ fault: r.fault.name, violates: r.fault.violates, caughtBy: r.caughtBy, evidence: r.evidence }));
          runDir.write('detection.json', JSON.stringify({ seed: table.clean.seed, cleanPasses: table.clean.summary.failed === 0, ok: table.ok, rows }, null, 2) + '\n');
          process.stdout.write(`reports: ${join(config.reportsDir, runDir.id)}/detection.json\n`);
          process.exitCode = table.ok ? 0 : 1;
          return;
        }
        const result = await runVerify(config);
        process.stdout.write(printPretty(result, { ci: config.ci }));
        process.stdout.write(`reports: ${join(config.reportsDir, result.runId)}/verify.json, verify.junit.xml\n`);
        process.exitCode = result.summary.failed === 0 ? 0 : 1;
      });
  },
};
