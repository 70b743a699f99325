import { resolve } from 'node:path';
import { HarnessError } from '../../errors/index.js';
import type { MetricsEngine, ThresholdEvaluation } from '../metrics/types.js';
import { EXECUTORS, type ScenarioConfig } from './executors/index.js';
import { loadScript } from './load-script.js';
import { resetSharedArrays, type ModuleOptions } from './modules/index.js';
import { applyCliOverrides, checkCliOverrides, type CliOverrides } from './options/cli-overrides.js';
import { parseOptions, type EngineOptions } from './options/parse-options.js';
import { createVu } from './runtime/create-vu.js';
import { scriptStack } from './runtime/script-stack.js';
import { iterate } from './runtime/iterate.js';
import { EXIT, TestAbort, TestRun } from './runtime/test-run.js';
import type { ScenarioState, Vu } from './runtime/vu.js';
import { SegmentedIndex, segmentString, sequenceString, type ExecutionTuple } from './segments/index.js';
import { startTicker, type Ticker } from './ticker.js';
import { writeSummary, type SummaryTarget } from './summary/write-summary.js';

export interface RunTestOptions {
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  readonly metrics: MetricsEngine;
  readonly newMachineReadableSummary: boolean;
  readonly summaryExport: string | undefined;
  readonly cwd: string;
  readonly out: SummaryTarget;
  /** Progress and log lines (stderr in the CLI); undefined = quiet. */
  readonly onProgress: ((line: string) => void) | undefined;
  readonly log: (line: string) => void;
  /** Log lines in logrus' terminal form (stderr is a TTY) instead of logfmt. */
  readonly logTTY: boolean;
  /** `-v`: console.debug is shown. */
  readonly verbose: boolean;
  /** k6's --system-tags (TestRun.systemTags). */
  readonly systemTags?: readonly string[];
  /** k6's --vus / --iterations / --duration / --execution-segment(-sequence), which replace the script's own. */
  readonly overrides?: CliOverrides;
}

const THRESHOLD_EVERY_MS = 2000;

/**
 * `harness load --har` asks the engine through two variables (k6 ignores them): the spool
 * folder and how many iterations of each scenario to record. Not k6 behaviour: the
 * harness's own hook, so the first iterations' exchanges can be written as HAR.
 */
function harSpool(env: Readonly<Record<string, string>>): Pick<ModuleOptions, 'har'> {
  const spoolDir = env.HARNESS_HAR_SPOOL;
  const iterations = Number(env.HARNESS_HAR_ITERATIONS ?? 1);
  if (spoolDir === undefined || spoolDir === '') return {};
  return { har: { spoolDir, iterations: Number.isInteger(iterations) && iterations > 0 ? iterations : 1 } };
}

/** One test run on the local engine, start to end-of-test summary; resolves to k6's exit code. */
export async function runTest(opts: RunTestOptions): Promise<number> {
  resetSharedArrays();
  checkCliOverrides(opts.overrides);
  const scriptPath = resolve(opts.cwd, opts.script);
  const script = loadScript(scriptPath);
  const run = new TestRun(opts.metrics, opts.log, opts.logTTY, opts.verbose);
  let testOptions: Readonly<Record<string, unknown>> = {};
  if (opts.systemTags !== undefined) run.systemTags = new Set(opts.systemTags);
  let modules: ModuleOptions = {
    userAgent: 'k6/local-engine (not k6; https://k6.io/)',
    discardResponseBodies: false,
    maxRedirects: 10,
    ...harSpool(opts.env),
    execution: {
      options: () => testOptions,
      iterationsCompleted: () => run.iterationsCompleted,
      iterationsInterrupted: () => run.iterationsInterrupted,
    },
  };
  // Init context once to read the options (k6 does the same), on the VU that later runs setup.
  const vu0 = createVu(0, 0, run, script, opts.env, modules);
  const rawOptions = applyCliOverrides(
    (vu0.exports.options ?? {}) as Record<string, unknown>,
    opts.overrides,
  );
  const options = parseOptions(rawOptions, (message) => run.log('warning', message));
  modules = {
    ...modules,
    userAgent: options.userAgent,
    discardResponseBodies: options.discardResponseBodies,
    maxRedirects: options.maxRedirects,
  };
  // exec.test.options shows the segment options as k6 does: normalised strings ("1/4:3/4" for
  // "25%:75%"), null when not given.
  testOptions = Object.freeze({
    ...rawOptions,
    executionSegment: options.segment === undefined ? null : segmentString(options.segment),
    executionSegmentSequence: options.sequence === undefined ? null : sequenceString(options.sequence),
  });
  run.globalTags = options.tags;
  for (const s of options.scenarios) {
    if (typeof vu0.exports[s.exec] !== 'function') {
      throw new HarnessError(
        'HARNESS_ERR_ENGINE_OPTIONS',
        `scenario '${s.name}' executes '${s.exec}', which the script does not export as a function`,
      );
    }
  }
  opts.metrics.setThresholds(options.thresholds);

  const allVus: Vu[] = [vu0];
  // __VU / idInInstance count this instance's VUs; idInTest is their place among the whole test's.
  const vuIds = new SegmentedIndex(options.tuple);
  const newVu = (env: Readonly<Record<string, string>>): Vu => {
    const { scaled, unscaled } = vuIds.next();
    const vu = createVu(scaled, unscaled, run, script, env, modules);
    allVus.push(vu);
    return vu;
  };
  // One listener for the whole run, not one per request.
  run.stop.signal.addEventListener(
    'abort',
    () => {
      for (const vu of allVus) vu.abortRequests();
    },
    { once: true },
  );
  const pools = new Map<string, Vu[]>();
  // k6 skips a scenario that has no work in this segment (HasWork): no VUs, no samples.
  const planned = options.scenarios.flatMap((config) => {
    const work = EXECUTORS.get(config.executor)?.workTuple(config.params, options.tuple);
    return work === undefined ? [] : [{ config, work }];
  });
  for (const { config: s } of planned) {
    const count = EXECUTORS.get(s.executor)?.preAllocate(s.params, options.tuple) ?? 0;
    pools.set(
      s.name,
      Array.from({ length: count }, () => newVu({ ...opts.env, ...s.env })),
    );
  }
  opts.onProgress?.(banner(scriptPath, options));

  let lastEval: ThresholdEvaluation | undefined;
  const evaluate = (): void => {
    lastEval = opts.metrics.evaluateThresholds(run.elapsedMs());
    if (lastEval.abort) run.abort('thresholds have been crossed (abortOnFail)', EXIT.thresholdsHaveFailed);
  };
  const ticker: Ticker = startTicker(run, options, opts.onProgress, THRESHOLD_EVERY_MS, evaluate);
  // Like k6: a signal stops the test gracefully; the summary and raw output are still written.
  const onSignal = (signal: NodeJS.Signals): void =>
    run.abort(
      `test run was aborted because the local engine received a '${signal}' signal`,
      EXIT.externalAbort,
    );
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Kept until the summary is written: a signal then must not kill the process mid-write.
  const stopListening = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  let setupJson: string | undefined;
  let setupForSummary: string | undefined;
  let exitCode: number = EXIT.ok;
  try {
    setupJson = await runPart(vu0, 'setup', undefined, options.setupTimeoutMs);
    setupForSummary = setupJson;
    await Promise.all(
      planned.map(({ config: s, work }) =>
        runScenario(
          run,
          s,
          { tuple: options.tuple, work },
          pools.get(s.name) ?? [],
          () => setupJson,
          newVu,
          opts.env,
        ),
      ),
    );
    if (run.aborted === undefined || run.aborted.exitCode === EXIT.thresholdsHaveFailed)
      await runPart(vu0, 'teardown', setupJson, options.teardownTimeoutMs);
  } catch (error) {
    if (!(error instanceof TestAbort)) {
      // e.g. setup() threw: release sockets and timers and flush the raw output before reporting.
      for (const vu of allVus) vu.dispose();
      await opts.metrics.close();
      stopListening();
      throw error;
    }
    exitCode = error.exitCode;
  } finally {
    ticker.stop();
  }
  // The final evaluation counts metrics without samples as zeros (k6: a Counter never added fails count>0).
  lastEval = opts.metrics.evaluateThresholds(run.elapsedMs(), { final: true });
  if (run.aborted !== undefined) {
    exitCode = run.aborted.exitCode;
    run.log('error', run.aborted.reason);
  }
  if (exitCode === EXIT.ok && lastEval !== undefined && lastEval.results.some((r) => !r.ok))
    exitCode = EXIT.thresholdsHaveFailed;

  await writeSummary({
    run,
    vu0,
    options: rawOptions,
    scriptPath,
    newMachineReadable: opts.newMachineReadableSummary,
    summaryExport: opts.summaryExport,
    cwd: opts.cwd,
    out: opts.out,
    setupData: setupForSummary === undefined ? undefined : (JSON.parse(setupForSummary) as unknown),
  });
  for (const vu of allVus) vu.dispose();
  await opts.metrics.close();
  stopListening();
  if (exitCode === EXIT.thresholdsHaveFailed) {
    const crossed = [...new Set((lastEval?.results ?? []).filter((r) => !r.ok).map((r) => r.metric))];
    run.log('error', `thresholds on metrics '${crossed.join("', '")}' have been crossed`);
  }
  return exitCode;
}

/** setup() or teardown() on VU 0, in k6's group '::setup' / '::teardown', with its timeout. */
async function runPart(
  vu0: Vu,
  name: 'setup' | 'teardown',
  setupJson: string | undefined,
  timeoutMs: number,
): Promise<string | undefined> {
  const fn = vu0.exports[name];
  if (typeof fn !== 'function') return setupJson;
  // Samples are tagged group '::setup' / '::teardown', but k6's root_group does not list them.
  vu0.groupPath = `::${name}`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_r, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TestAbort(
            `${name}() execution timed out after ${timeoutMs / 1000} seconds`,
            name === 'setup' ? EXIT.setupTimeout : EXIT.teardownTimeout,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    const result: unknown = await Promise.race([
      (async () => {
        const r: unknown = await (fn as (d: unknown) => unknown)(vu0.data(setupJson));
        await vu0.idle();
        return r;
      })(),
      timeout,
    ]);
    if (name === 'setup') return result === undefined ? undefined : JSON.stringify(result);
    return setupJson;
  } catch (error) {
    if (error instanceof TestAbort) throw error;
    throw new HarnessError('HARNESS_ERR_ENGINE_SCRIPT', `${name}() threw: ${scriptStack(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    vu0.emitNetworkTrail(vu0.baseTags());
    vu0.groupPath = '';
  }
}

async function runScenario(
  run: TestRun,
  config: ScenarioConfig,
  segment: { readonly tuple: ExecutionTuple; readonly work: ExecutionTuple },
  vus: Vu[],
  setupJson: () => string | undefined,
  makeVu: (env: Readonly<Record<string, string>>) => Vu,
  baseEnv: Readonly<Record<string, string>>,
): Promise<void> {
  const executor = EXECUTORS.get(config.executor);
  const state: ScenarioState = {
    name: config.name,
    executor: config.executor,
    exec: config.exec,
    tags: config.tags,
    startTime: 0,
    iterations: new SegmentedIndex(segment.work),
  };
  if (executor === undefined) return;
  if (config.startTimeMs > 0)
    await new Promise<void>((r) => {
      const t = setTimeout(r, config.startTimeMs);
      run.stop.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          r();
        },
        { once: true },
      );
    });
  if (run.stopping) return;
  state.startTime = performance.timeOrigin + performance.now();
  const all = [...vus];
  await executor.run({
    run,
    config,
    state,
    ...segment,
    vus,
    newVu: () => {
      const vu = makeVu({ ...baseEnv, ...config.env });
      all.push(vu);
      return vu;
    },
    iterate: (vu) => iterate(run, vu, state, setupJson()),
    halt: () => {
      for (const vu of all) {
        if (vu.busy) {
          run.iterationsInterrupted++;
          // k6 still reports an interrupted iteration's bytes (runFn's IOSamples).
          vu.emitNetworkTrail({ ...run.globalTags, ...state.tags, scenario: state.name, group: '' });
        }
        vu.halted = true;
        vu.dispose();
      }
    },
  });
}

function banner(scriptPath: string, options: EngineOptions): string {
  const lines = [
    '',
    '  local engine (not k6): runs k6 scripts on Node with k6 semantics for a documented subset',
    `     script: ${scriptPath}`,
    ...(options.segment === undefined && options.sequence === undefined
      ? []
      : [
          `  execution: segment ${segmentString(options.segment)}${options.sequence === undefined ? '' : ` of sequence ${sequenceString(options.sequence)}`}`,
        ]),
    `  scenarios: ${options.scenarios.length} scenario(s):`,
    ...options.scenarios.map(
      (s) =>
        `           * ${s.name}: ${s.executor} ${JSON.stringify(s.params)} (exec: ${s.exec}, startTime: ${s.startTimeMs / 1000}s, gracefulStop: ${s.gracefulStopMs / 1000}s)`,
    ),
    '',
  ];
  return lines.join('\n');
}
