import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { HarnessError } from '../../errors/index.js';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags } from '../config-flags.js';
import { harLine } from '../../har/har-line.js';
import type { HarWritten } from '../../har/describe-caps.js';

type VerifyFlags = Parameters<typeof configFromFlags>[0] & {
  detectionTable?: boolean;
  bare?: boolean;
  workflow?: string[];
  input?: string[];
  check?: string[];
  acceptCurrent?: boolean;
  har?: string;
};

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
      )
      .option(
        '--bare',
        'with --detection-table: verify the reference as a bare URL (no profile); faults that need a profile may go uncaught',
      )
      .option(
        '--workflow <[role:]id[@version]>',
        'bare URL: a workflow to verify with (repeatable; role fast|slow|conversational, default fast; version default 1)',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        '--input <json>',
        'bare URL: a valid input for the --workflow at the same position, e.g. \'{"First Name": "John"}\' (repeatable)',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        '--accept-current',
        "add this run's failures to targets/<target>.accepted.json for review (merged with what it lists; 30-day expiry)",
      )
      .option(
        '--har <file>',
        'record every check exchange to <file> as HAR 1.2 (keys redacted; at most 2000 entries, 64 KiB per body, cuts counted in the file and printed)',
      )
      .option(
        '--check <id>',
        'run only this check (its file name in contracts/ without .check.ts; repeatable); with --seed <n> it reruns a failed one',
        (value: string, previous: string[] = []) => [...previous, value],
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
    ]).action(async (flags: VerifyFlags) => {
      const config = await configFromFlags(flags);
      const { printDetectionTable, runDetectionTable, runVerify, verifyConsole } =
        await import('../../verify/index.js');
      const { parseWorkflowFlag } = await import('../../target/index.js');
      const workflows = (flags.workflow ?? []).map((spec, i) => parseWorkflowFlag(spec, flags.input?.[i]));
      if ((flags.input ?? []).length > workflows.length)
        throw new HarnessError('HARNESS_ERR_USAGE', 'more --input than --workflow flags', {
          hint: 'Give each --input after the --workflow it belongs to.',
        });
      if (flags.detectionTable === true) {
        if (flags.acceptCurrent === true)
          throw new HarnessError('HARNESS_ERR_USAGE', '--accept-current cannot take --detection-table', {
            hint: 'Run `harness verify --accept-current` on the target whose findings you accept.',
          });
        if (flags.har !== undefined)
          throw new HarnessError('HARNESS_ERR_USAGE', '--har cannot take --detection-table', {
            hint: 'Record one run: `harness verify --fault <name> --har <file>`.',
          });
        if (flags.check !== undefined)
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            '--detection-table runs every check; it cannot take --check',
            {
              hint: 'Drop --check, or drop --detection-table and use --fault <name> --check <id>.',
            },
          );
        if (config.target !== undefined)
          throw new HarnessError(
            'HARNESS_ERR_USAGE',
            '--detection-table runs against the embedded reference; it cannot take --target',
            { hint: 'Drop --target (or unset HARNESS_TARGET).' },
          );
        const table = await runDetectionTable(config, config.faults, { bare: flags.bare === true });
        process.stdout.write(printDetectionTable(table));
        const { createRunDir } = await import('../../run/index.js');
        const runDir = createRunDir(config.reportsDir);
        const rows = table.rows.map((r) => ({
          fault: r.fault.name,
          violates: r.fault.violates,
          caughtBy: r.caughtBy,
          evidence: r.evidence,
          ...(r.fault.needsProfile === undefined ? {} : { needsProfile: r.fault.needsProfile }),
        }));
        runDir.write(
          'detection.json',
          JSON.stringify(
            {
              seed: table.clean.seed,
              bare: table.bare,
              cleanPasses: table.clean.summary.failed === 0,
              ok: table.ok,
              rows,
            },
            null,
            2,
          ) + '\n',
        );
        process.stdout.write(`reports: ${join(config.reportsDir, runDir.id)}/detection.json\n`);
        process.exitCode = table.ok ? 0 : 1;
        return;
      }
      // Each check's row as it finishes, the summary at the end.
      const out = verifyConsole(config.ci);
      let har: HarWritten | undefined;
      // The checks run in this process's vitest workers and cannot be cancelled one by one: on
      // SIGINT/SIGTERM say so and exit with the signal's code; no verify.json, never a verdict.
      const { watchInterrupts, SIGNAL_EXIT_CODE } = await import('../../run/index.js');
      const watch = watchInterrupts();
      void watch.next.then((signal) => {
        const line = `harness verify: ${signal} received before every check had finished; nothing written (interrupted: not a verdict)`;
        process.stderr.write(
          config.ci
            ? `${JSON.stringify({ event: 'interrupted', signal, exitCode: SIGNAL_EXIT_CODE[signal] })}\n`
            : `${line}\n`,
        );
        process.exit(SIGNAL_EXIT_CODE[signal]);
      });
      const result = await runVerify(config, undefined, {
        workflows,
        ...(flags.check === undefined ? {} : { only: flags.check }),
        onStart: (header, ids) => out.onStart(header, ids),
        onCheck: (check) => out.onCheck(check),
        ...(flags.har === undefined ? {} : { har: resolve(flags.har), onHar: (written) => (har = written) }),
      });
      watch.dispose();
      out.end(result);
      process.stdout.write(
        `reports: ${join(config.reportsDir, result.runId)}/verify.json, verify.junit.xml\n`,
      );
      if (har !== undefined) process.stdout.write(harLine(har));
      if (flags.acceptCurrent === true) {
        const { acceptCurrent, acceptedFileOf } = await import('../../verify/index.js');
        const { TARGETS_DIR } = await import('../../target/index.js');
        const accepted = acceptCurrent(acceptedFileOf(TARGETS_DIR, result.target.name), result);
        process.stdout.write(
          `accepted: ${accepted.added.length} new finding(s) added to ${accepted.file} (${accepted.kept} kept); review each reason and expiry before committing it\n`,
        );
      }
      process.exitCode = result.summary.failed === 0 ? 0 : 1;
    });
  },
};
