import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tagSetsOf } from '../compare/index.js';
import { boundHit } from '../config/index.js';
import { HarnessError } from '../errors/index.js';
import { type RunDir, createRunDir } from '../run/index.js';
import { type ResolvedTarget, resolveTarget } from '../target/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { LoadRun } from '../types/generated/load-run.js';
import { BUNDLES_DIR, buildScenarios, bundlesStale } from './build.js';
import { listScenarios } from './list-scenarios.js';
import { scrub } from '../secrets/index.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import { DashboardWatcher, dashboardEnv } from './dashboard.js';
import { thresholdsJunit } from './junit.js';
import { readResults } from './read-results.js';
import type { VerifyResult } from '../types/generated/verify-result.js';
import type { ScenarioName } from '../../scenarios/lib/executors.js';
import { rawSystemTags, runEngine } from './run-engine.js';
import { thresholdLines } from './threshold-lines.js';
import { scenarioEnv } from './scenario-env.js';
import { selectEngine } from './select-engine.js';
import { detectionLag, pollsPerExecution, timeoutClasses } from './truth.js';
import { KILL_GRACE_MS, loadTimeoutMs } from './load-timeout.js';
import { costOutcome, planCosts } from './cost-safety.js';
import { collectHar, harLine, type HarWritten } from '../har/index.js';
import { readShardResults, runShardEngines, shardBudget } from './run-shards.js';
import { shardLines } from '../merge/index.js';

export type LoadConfig = Pick<
  HarnessConfig,
  | 'target'
  | 'timeScale'
  | 'faults'
  | 'seed'
  | 'engine'
  | 'loadProfile'
  | 'reportsDir'
  | 'ci'
  | 'loadTimeoutMs'
  | 'connectTimeoutMs'
  | 'requestTimeoutMs'
  | 'maxCredits'
>;

export interface LoadOptions {
  /** A scenario name (scenarios/<name>.ts) or 'all' (default): every scenario side by side. */
  readonly scenario?: string;
  /** The main job passes its own run folder and already-resolved target. */
  readonly runDir?: RunDir;
  readonly target?: ResolvedTarget;
  /** False only for benchmarks measuring what validation costs. */
  readonly validate?: boolean;
  readonly log?: (line: string) => void;
  readonly onEngineOutput?: (chunk: string) => void;
  readonly onEngineStart?: (pid: number) => void;
  /** The main job's verify result: the plan's credit estimate uses the creditUsage it observed. */
  readonly verify?: VerifyResult;
  /** More __ENV for the script, e.g. HARNESS_EXECUTOR for a benchmark. Never a key. */
  readonly extraEnv?: Readonly<Record<string, string>>;
  /**
   * `--har <file>`: the exchanges of each scenario's first `iterations` iterations (and of
   * setup) as HAR 1.2, recorded by the local engine's k6/http (k6 has no such hook).
   */
  readonly har?: {
    readonly file: string;
    readonly iterations: number;
    /** `harness run`: on k6, say that load is not recorded instead of refusing to start. */
    readonly unlessK6?: boolean;
  };
  readonly onHar?: (written: HarWritten) => void;
  /**
   * Engine processes to split the test across (`--shards N`, default 1): equal execution segments,
   * started together, each writing reports/<run-id>/shards/<i>/, merged into one verdict.
   */
  readonly shards?: number;
}

export interface LoadResult {
  readonly exitCode: number;
  readonly runDir: RunDir;
  readonly run: LoadRun;
  /** load-summary.json: the same shape from both engines; undefined when the engine wrote none. */
  readonly summary: LoadSummary | undefined;
}

const FILES = {
  summary: 'load-summary.json',
  run: 'load-run.json',
  junit: 'load.junit.xml',
  samples: 'samples.json.gz',
  dashboard: 'load-dashboard.html',
} as const;

function scenarioName(requested: string | undefined): string {
  const name = requested ?? 'all';
  const known = listScenarios();
  if (!known.includes(name))
    throw new HarnessError('HARNESS_ERR_SCENARIO_UNKNOWN', `no scenario "${name}"`, {
      hint: `Use one of: ${known.join(', ')}.`,
    });
  return name;
}

/**
 * `harness load` as a function: builds the bundles if stale, starts the reference when no
 * target is given, picks and runs the engine, and writes the run folder. Resolves with the
 * engine's exit code (99 = thresholds crossed) instead of throwing on a failed threshold.
 */
export async function runLoad(config: Readonly<LoadConfig>, options: LoadOptions = {}): Promise<LoadResult> {
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const name = scenarioName(options.scenario);
  const shardCount = options.shards ?? 1;
  if (!(Number.isInteger(shardCount) && shardCount >= 1 && shardCount <= 64))
    throw new HarnessError(
      'HARNESS_ERR_USAGE',
      `--shards ${String(options.shards)}: expected a whole number from 1 to 64`,
      {
        hint: 'One shard per core is where the local engine gains; k6 uses every core in one process.',
      },
    );
  if (options.har !== undefined && shardCount > 1)
    throw new HarnessError(
      'HARNESS_ERR_USAGE',
      '--har records one engine process; it cannot take --shards > 1',
      {
        hint: 'Record the exchanges with a single-process run (--har without --shards); shard the measured run separately.',
      },
    );
  if (bundlesStale([name])) await buildScenarios({ names: [name] });
  const engine = selectEngine(config.engine, process.env, config.requestTimeoutMs);
  log(`load engine: ${engine.kind} (${engine.reason})`);
  const recordHar = options.har !== undefined && engine.kind === 'local';
  if (options.har?.unlessK6 === true && !recordHar)
    log(
      `har: load exchanges NOT recorded: the engine is ${engine.kind}; only the local engine records them (--engine local)`,
    );
  else if (options.har !== undefined && !recordHar)
    throw new HarnessError(
      'HARNESS_ERR_USAGE',
      `--har on load needs the local engine (the engine is ${engine.kind})`,
      {
        hint: 'Add --engine local: it records the first iterations through its own k6/http module; k6 itself has no hook for it.',
      },
    );
  const target = options.target ?? (await resolveTarget(config));
  const work = mkdtempSync(join(tmpdir(), 'harness-load-'));
  const startedAt = new Date();
  try {
    const runDir = options.runDir ?? createRunDir(config.reportsDir);
    const paths = {
      summary: join(work, 'handle-summary-data.json'),
      // Gzipped, with only the system tags the harness reads (README "What raw output costs").
      samples: join(work, FILES.samples),
      dashboard: join(work, FILES.dashboard),
    };
    const env = scenarioEnv({
      profile: target.profile,
      apiKey: target.keys.main,
      loadProfile: config.loadProfile,
      timeScale: config.timeScale,
      embedded: target.embedded,
      summaryOut: paths.summary,
      ...(options.validate === undefined ? {} : { validate: options.validate }),
    });
    const scenarios = name === 'all' ? listScenarios().filter((s) => s !== 'all') : [name];
    const cost = planCosts(
      config,
      target,
      scenarios as ScenarioName[],
      options.verify,
      options.extraEnv?.HARNESS_EXECUTOR,
    );
    Object.assign(env, cost.env, options.extraEnv);
    const harSpool = join(work, 'har');
    if (recordHar && options.har !== undefined)
      Object.assign(env, {
        HARNESS_HAR_SPOOL: harSpool,
        HARNESS_HAR_ITERATIONS: String(options.har.iterations),
      });
    log(
      `load: scenario ${name}, profile ${config.loadProfile}, target ${target.profile.name} (${target.profile.baseUrl})`,
    );
    for (const line of cost.lines) log(line);
    const bound = loadTimeoutMs(config);
    // One web dashboard per run: shards would compete for its port, so they run without.
    const dashboard =
      engine.kind === 'k6' && shardCount === 1 ? dashboardEnv(process.env, paths.dashboard) : {};
    const watcher = new DashboardWatcher();
    const toConsole = options.onEngineOutput ?? ((c: string) => void process.stdout.write(scrub(c)));
    const engineRun = {
      script: join(BUNDLES_DIR, `${name}.js`),
      env,
      samplesOut: paths.samples,
      systemTags: rawSystemTags(Object.keys(target.profile.thresholds ?? {})),
      dashboardEnv: dashboard,
      quiet: config.ci,
      timeoutMs: bound,
      killGraceMs: KILL_GRACE_MS,
      ...(options.onEngineStart === undefined ? {} : { onStart: options.onEngineStart }),
    };
    const onOutput = (chunk: string): void => {
      watcher.scan(chunk);
      toConsole(chunk);
    };
    if (shardCount > 1)
      log(
        `load: ${shardCount} shards started together, one execution segment of 1/${shardCount} each (credit budget ${String(shardBudget(cost.budget, shardCount))} per shard); the verdict is the merged data's`,
      );
    const sharded =
      shardCount > 1
        ? await runShardEngines(
            engine,
            { ...engineRun, budget: cost.budget, testId: runDir.id },
            shardCount,
            runDir,
            onOutput,
          )
        : undefined;
    const ended = sharded ?? (await runEngine(engine, engineRun, onOutput));
    if (recordHar && options.har !== undefined) {
      const written = collectHar(
        harSpool,
        options.har.file,
        `harness load, scenario ${name}, the first ${options.har.iterations} iteration(s) of each scenario and setup, local engine`,
      );
      log(harLine(written).trimEnd());
      options.onHar?.(written);
    }
    const failures: NonNullable<LoadRun['failures']> = [];
    if (ended.timedOut) {
      const message = `the load engine ran past its bound: ${boundHit('loadTimeoutMs', bound, 'not finished')}; stopped it (SIGTERM, SIGKILL after ${KILL_GRACE_MS} ms)`;
      failures.push({ code: 'LOAD_TIMEOUT', message, boundMs: bound });
      log(`load: LOAD_TIMEOUT — ${message}`);
    }
    const engineInfo = { kind: engine.kind, version: engine.version ?? null };
    const merged =
      sharded === undefined
        ? undefined
        : await readShardResults(runDir, sharded, { engine: engineInfo, budget: cost.budget });
    const { summary, samples } =
      merged ?? (await readResults(paths, ended.timedOut, { engine: engineInfo, scenario: name }));
    if (merged?.record !== undefined) for (const line of shardLines(merged.record)) log(line);
    if (merged?.failure !== undefined) {
      failures.push(merged.failure);
      log(`load: ${merged.failure.code} — ${merged.failure.message}`);
    }
    if (summary === undefined && !ended.timedOut) {
      const message = `the engine wrote no end-of-test summary (the scenario's handleSummary data, HARNESS_SUMMARY_OUT): no threshold verdict can be read`;
      failures.push({ code: 'SUMMARY_MISSING', message });
      log(`load: SUMMARY_MISSING — ${message}`);
    }
    const thresholds = summary?.thresholds ?? [];
    for (const line of thresholdLines(thresholds)) log(line);
    const spending = costOutcome(cost, samples, thresholds);
    if (spending.failure !== undefined) {
      failures.push(spending.failure);
      log(`load: CREDIT_BUDGET_SPENT — ${spending.failure.message}`);
    }
    const answered = tagSetsOf(samples, 'http_reqs').reduce((n, t) => n + t.count, 0);
    if (answered === 0)
      log(
        `load: no request was answered by ${target.profile.baseUrl} (http_reqs = 0): the target accepted connections but never completed a response`,
      );
    // k6 leaves a threshold on a metric that never got a sample unevaluated and exits 0; a run in
    // which nothing was answered, or whose exported thresholds show a crossing, is a 99 here.
    const crossed = thresholds.some((t) => !t.ok) || answered === 0 || failures.length > 0;
    const engineExit = ended.code;
    const exitCode = ended.timedOut ? 99 : engineExit === 0 && crossed ? 99 : engineExit;
    if (exitCode !== engineExit)
      log(
        `load: the engine exited ${engineExit}, but ${ended.timedOut ? 'it was stopped at loadTimeoutMs (LOAD_TIMEOUT)' : failures.length > 0 ? failures.map((f) => f.code).join(', ') : 'a threshold was crossed'}: exit 99`,
      );
    const files: Record<string, string> = { ...merged?.files };
    const keep = (role: string, file: string, content: string | Buffer): void => {
      runDir.write(file, content);
      files[role] = file;
    };
    if (summary !== undefined) keep('summary', FILES.summary, `${JSON.stringify(summary, null, 2)}\n`);
    if (existsSync(paths.samples)) {
      // Copied by the kernel, never read into memory: a long run's file is hundreds of MB.
      copyFileSync(paths.samples, runDir.write(FILES.samples, Buffer.alloc(0)));
      files.samples = FILES.samples;
    }
    const exported = existsSync(paths.dashboard);
    if (exported) keep('dashboard', FILES.dashboard, readFileSync(paths.dashboard, 'utf8'));
    const board =
      dashboard.K6_WEB_DASHBOARD === undefined
        ? undefined
        : watcher.outcome(dashboard, process.env, exported);
    if (board?.reason !== undefined)
      log(
        `load: no web dashboard export — ${board.reason}${/not enough data/.test(board.reason) ? ' (for short runs set K6_WEB_DASHBOARD_PERIOD=1s)' : ''}`,
      );
    const finishedAt = new Date();
    keep(
      'junit',
      FILES.junit,
      thresholdsJunit(
        `load ${name} (${config.loadProfile})`,
        thresholds,
        failures,
        (finishedAt.getTime() - startedAt.getTime()) / 1000,
      ),
    );
    files.run = FILES.run;
    const run: LoadRun = {
      runId: runDir.id,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      engine: {
        kind: engine.kind,
        requested: engine.requested,
        reason: engine.reason,
        ...(engine.version === undefined ? {} : { version: engine.version }),
        ...(engine.binary === undefined ? {} : { binary: engine.binary }),
      },
      target: {
        name: target.profile.name,
        baseUrl: target.profile.baseUrl,
        embedded: target.embedded,
        ...(target.embedded ? { timeScale: config.timeScale, faults: [...config.faults] } : {}),
      },
      profile: config.loadProfile,
      scenarios: name === 'all' ? [name, ...listScenarios().filter((s) => s !== 'all')] : [name],
      exitCode,
      ...(failures.length === 0 ? {} : { failures }),
      ...(merged?.record === undefined ? {} : { shards: merged.record }),
      thresholdsPassed: exitCode === 0 && thresholds.every((t) => t.ok),
      thresholds,
      ...(board === undefined ? {} : { dashboard: board }),
      ...(target.embedded
        ? { detectionLag: await detectionLag(samples, target.profile.baseUrl, config.timeScale) }
        : {}),
      plan: cost.plan,
      credits: spending.credits,
      pacing: spending.pacing,
      pollsPerExecution: pollsPerExecution(samples),
      timeoutClasses: timeoutClasses(samples),
      files,
    };
    runDir.write(FILES.run, `${JSON.stringify(run, null, 2)}\n`);
    log(
      `load: credits spent ${Math.round(spending.credits.spent)} (counted from the answers; budget ${String(cost.budget)}${spending.credits.budgetSpent ? ', SPENT: the load was stopped' : ''})`,
    );
    log(
      `load: exit ${exitCode}${failures.length > 0 ? ` (${failures.map((f) => f.code).join(', ')})` : exitCode === 99 ? ' (thresholds crossed)' : ''}; results in ${runDir.path}`,
    );
    return { exitCode, runDir, run, summary };
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (options.target === undefined) await target.stop();
  }
}
