import { Command, CommanderError } from 'commander';
import { isHarnessError } from '../../errors/index.js';
import { EXECUTORS } from './executors/index.js';
import { exitCodeForError } from './exit-code.js';
import { runLocalEngine } from './run-local-engine.js';
import { SUPPORTED_MODULES, SUPPORTED_OPTIONS } from './supported.js';

function supportedText(): string {
  return [
    '',
    'The local engine is NOT k6: it runs k6 scripts (one ESM bundle) on Node for this subset of k6.',
    'Anything else fails at start with HARNESS_ERR_ENGINE_UNSUPPORTED: run such scripts with k6.',
    '',
    'Modules:',
    ...Object.entries(SUPPORTED_MODULES).map(([m, what]) => `  ${m.padEnd(13)} ${what}`),
    `Options:   ${SUPPORTED_OPTIONS.join(', ')}`,
    `Executors: ${[...EXECUTORS.keys()].join(', ')}`,
    'Globals:   __ENV, __VU, __ITER, console, setTimeout/setInterval (k6/timers)',
    '',
    "Exit codes as k6's: 0 ok, 99 thresholds crossed, 100/101 setup/teardown timeout, 107 script error",
    '(incl. HARNESS_ERR_ENGINE_UNSUPPORTED / _SCRIPT), 104 invalid options, 105 SIGINT/SIGTERM, 108 test.abort().',
  ].join('\n');
}

function parseEnvPair(pair: string, previous: Record<string, string>): Record<string, string> {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new CommanderError(2, 'usage', `-e expects K=V, got '${pair}'`);
  return { ...previous, [pair.slice(0, eq)]: pair.slice(eq + 1) };
}

function wholeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new CommanderError(2, 'usage', `expected a whole number, got '${text}'`);
  return n;
}

/** `local-engine run [-e K=V]... [--out json=FILE] [--summary-export FILE] [--new-machine-readable-summary] [--quiet] script.js` */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('local-engine')
    .description('local engine (not k6): runs k6 scripts on Node with k6 semantics for a documented subset')
    .exitOverride()
    .addHelpText('after', supportedText());
  program
    .command('run')
    .description('run a k6 script like `k6 run`')
    .argument('<script>', 'the k6 script (one self-contained ESM file)')
    .option('-e, --env <K=V>', 'add an environment variable to __ENV (repeatable)', parseEnvPair, {})
    .option('-o, --out <output>', 'raw samples in k6 JSON output format: json=FILE (FILE.gz gzips)')
    .option('--summary-export <file>', 'also write the classic JSON end-of-test summary to FILE')
    .option('--new-machine-readable-summary', "hand handleSummary k6's machine-readable summary v1.0.0")
    .option('-q, --quiet', 'no banner or progress lines')
    .option('-u, --vus <n>', "number of VUs (k6's --vus: replaces options.vus)", wholeNumber)
    .option(
      '-i, --iterations <n>',
      "total iterations (k6's --iterations: replaces the script's scenarios)",
      wholeNumber,
    )
    .option(
      '-d, --duration <d>',
      "test duration, e.g. 30s (k6's --duration: replaces the script's scenarios)",
    )
    .option(
      '--execution-segment <segment>',
      "run only this part of the test, e.g. 1/3:2/3, 0.5, 25%:50% (k6's flag: VUs, iterations and arrival rate are split as k6 splits them)",
    )
    .option(
      '--execution-segment-sequence <points>',
      "the segments all instances of the test use, as points, e.g. 0,1/3,2/3,1 (k6's flag)",
    )
    .option('-v, --verbose', 'show console.debug lines (k6 hides them otherwise)')
    .option(
      '--system-tags <tags>',
      "k6's --system-tags: only these system tags on HTTP samples (comma-separated; scenario, group and check are always kept)",
    )
    .addHelpText('after', supportedText())
    .action(
      async (
        script: string,
        o: {
          env: Record<string, string>;
          out?: string;
          summaryExport?: string;
          newMachineReadableSummary?: boolean;
          quiet?: boolean;
          vus?: number;
          iterations?: number;
          duration?: string;
          executionSegment?: string;
          executionSegmentSequence?: string;
          verbose?: boolean;
          systemTags?: string;
        },
      ) => {
        if (o.out !== undefined && !o.out.startsWith('json='))
          throw new CommanderError(2, 'usage', `only --out json=FILE is supported, got '${o.out}'`);
        const env: Record<string, string> = {};
        for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
        const result = await runLocalEngine({
          script,
          env: { ...env, ...o.env },
          jsonOut: o.out?.slice('json='.length),
          summaryExport: o.summaryExport,
          newMachineReadableSummary: o.newMachineReadableSummary === true,
          quiet: o.quiet === true,
          verbose: o.verbose === true,
          ...(o.systemTags === undefined
            ? {}
            : {
                systemTags: o.systemTags
                  .split(',')
                  .map((t) => t.trim())
                  .filter((t) => t !== ''),
              }),
          overrides: {
            vus: o.vus,
            iterations: o.iterations,
            duration: o.duration,
            executionSegment: o.executionSegment,
            executionSegmentSequence: o.executionSegmentSequence,
          },
        });
        exitCode = result.exitCode;
      },
    );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.exitCode === 0 ? 0 : (process.stderr.write(`${error.message}\n`), 104);
    if (isHarnessError(error)) {
      process.stderr.write(`${error.format()}\n`);
      return exitCodeForError(error);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 107;
  }
}
