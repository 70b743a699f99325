import { join, relative, resolve } from 'node:path';
import { isHarnessError } from '../../errors/index.js';
import { readJson } from '../../history/index.js';
import type { LoadResult } from '../../load/index.js';
import {
  SIGNAL_EXIT_CODE,
  createRunDir,
  watchInterrupts,
  type RunDir,
  type StopSignal,
} from '../../run/index.js';
import { bareUrlProfile, resolveTarget, type ResolvedTarget } from '../../target/index.js';
import type { HarnessConfig } from '../../types/generated/harness-config.js';
import type { VerifyResult } from '../../types/generated/verify-result.js';
import { runVerify } from '../../verify/index.js';
import { harLine } from '../../har/index.js';
import { writeReport } from '../write-report.js';
import { formatSummary, summaryEvent } from './console-summary.js';
import {
  buildManifest,
  recordWithoutMetrics,
  writeManifest,
  type JobPhase,
  type ManifestFacts,
} from './job-manifest.js';
import type { Progress } from './progress.js';
import { loadWithProgress } from './load-phase.js';

export interface JobResult {
  readonly exitCode: number;
  readonly status: 'complete' | 'interrupted';
  /** The signal that stopped the job, the phase it arrived in, and whether the run is recorded interrupted. */
  readonly signal?: { readonly name: StopSignal; readonly phase: JobPhase; readonly recorded: boolean };
  readonly runDir: string;
  /** The report's path, relative to the working directory when below it. */
  readonly reportFile: string;
}

type JobConfig = Readonly<HarnessConfig> & { seed: number };

/** `harness run --har run.har`: verify's exchanges there, load's first iterations in run.load.har. */
export function loadHarFile(file: string): string {
  return file.replace(/(\.har)?$/i, '.load.har');
}

/** What the target is called before it could be resolved (for run.json of a run that failed to start). */
function targetNameOf(config: JobConfig): ManifestFacts['target'] {
  const t = config.target;
  if (t === undefined) return { name: 'reference', baseUrl: '', embedded: true };
  if (/^https?:\/\//i.test(t)) return { name: bareUrlProfile(t).name, baseUrl: t, embedded: false };
  return { name: t, baseUrl: '', embedded: false };
}

/**
 * `harness run`: one target (the embedded reference unless named), verify, then every load
 * scenario, all into ONE run folder; then run.json, history, the HTML report and the
 * console summary. Exit 1 on a contract failure, 99 (k6's code) when only load thresholds
 * were crossed, 0 otherwise. SIGINT/SIGTERM stop it gracefully: the engine writes what it
 * measured, the run is recorded `interrupted`, and the exit code is 130/143.
 */
export async function runJob(
  config: JobConfig,
  progress: Progress,
  harnessVersion: string,
  options: { readonly har?: string } = {},
): Promise<JobResult> {
  const reportsDir = resolve(config.reportsDir);
  const run = createRunDir(reportsDir);
  const startedAt = new Date().toISOString();
  const base = { run, config, startedAt, harnessVersion };
  let phase: JobPhase = 'target';
  const watch = watchInterrupts((s) => progress.note(`second ${s}: exiting now, without a report`));
  let interruptedIn: JobPhase | undefined;
  void watch.next.then(() => {
    interruptedIn = phase;
    progress.note(`${watch.received ?? 'signal'} received during ${phase}: stopping gracefully`);
  });
  try {
    progress.phase(
      'target',
      config.target ?? `embedded reference, time scale ${config.timeScale}, seed ${config.seed}`,
    );
    let target: ResolvedTarget;
    try {
      target = await resolveTarget(config);
    } catch (error) {
      if (isHarnessError(error)) {
        progress.end('failed');
        const manifest = buildManifest({
          ...base,
          status: 'failed-to-start',
          target: targetNameOf(config),
          exitCode: 2,
          error: { code: error.code, message: error.message },
        });
        writeManifest(run, manifest);
        recordWithoutMetrics(reportsDir, manifest);
      }
      throw error;
    }
    let verify: VerifyResult | undefined;
    let load: LoadResult | undefined;
    try {
      if (watch.received === undefined) {
        phase = 'verify';
        progress.phase('verify', target.profile.baseUrl);
        verify = await verifyUntilInterrupted(config, target, run, watch.next, options.har, progress);
      }
      if (watch.received === undefined) {
        phase = 'load';
        progress.phase('load', `all scenarios · profile ${config.loadProfile} · engine ${config.engine}`);
        load = await loadWithProgress(
          config,
          target,
          run,
          progress,
          () => watch.received,
          verify,
          options.har === undefined ? undefined : loadHarFile(options.har),
        );
      }
    } finally {
      progress.end(watch.received === undefined ? 'done' : 'interrupted');
      await target.stop();
    }
    phase = 'report';
    const signal = interruptedIn === undefined || interruptedIn === 'report' ? undefined : watch.received;
    const summary = readJson<{ thresholdsPassed?: boolean }>(join(run.path, 'load-summary.json'));
    const thresholdsCrossed = load?.exitCode === 99 || summary?.thresholdsPassed === false;
    const exitCode =
      signal !== undefined
        ? SIGNAL_EXIT_CODE[signal]
        : (verify?.summary.failed ?? 0) > 0
          ? 1
          : thresholdsCrossed
            ? 99
            : 0;
    const manifest = buildManifest({
      ...base,
      status: signal === undefined ? 'complete' : 'interrupted',
      target: { name: target.profile.name, baseUrl: target.profile.baseUrl, embedded: target.embedded },
      ...(load === undefined ? {} : { engine: load.run.engine.kind, scenarios: load.run.scenarios ?? [] }),
      exitCode,
      ...(signal === undefined ? {} : { interruption: { signal, phase: interruptedIn ?? 'target' } }),
    });
    writeManifest(run, manifest);
    progress.phase('report');
    const { file, data } = await writeReport(reportsDir, run.path, { seed: config.seed });
    progress.end();
    const reportPath = relative(process.cwd(), file) || file;
    const outcome = {
      manifest,
      verify,
      summary: data.summary,
      thresholdsCrossed,
      thresholds: load?.run.thresholds,
      reportPath,
      ...(load?.run.credits === undefined ? {} : { credits: load.run.credits }),
    };
    if (config.ci) progress.emit(summaryEvent(outcome));
    else process.stdout.write(formatSummary(outcome));
    const received = watch.received;
    return {
      exitCode: received === undefined ? exitCode : SIGNAL_EXIT_CODE[received],
      status: manifest.status === 'complete' ? 'complete' : 'interrupted',
      ...(received === undefined
        ? {}
        : {
            // A signal during the report phase arrives after the measurements: the run stays complete.
            signal: { name: received, phase: interruptedIn ?? phase, recorded: signal !== undefined },
          }),
      runDir: run.path,
      reportFile: reportPath,
    };
  } finally {
    watch.dispose();
  }
}

/**
 * Verify, abandoned when a signal arrives: the checks cannot be cancelled one by one, so
 * their late results are dropped (the run folder refuses writes after the signal) and the
 * run is recorded as interrupted during verify.
 */
async function verifyUntilInterrupted(
  config: JobConfig,
  target: ResolvedTarget,
  run: RunDir,
  interrupted: Promise<unknown>,
  har: string | undefined,
  progress: Progress,
): Promise<VerifyResult | undefined> {
  let stopped = false;
  const guarded: RunDir = {
    id: run.id,
    path: run.path,
    write: (name, content, options) => (stopped ? join(run.path, name) : run.write(name, content, options)),
  };
  const checks = runVerify(config, target, {
    runDir: guarded,
    ...(har === undefined ? {} : { har, onHar: (written) => progress.note(harLine(written).trimEnd()) }),
  });
  const result = await Promise.race([checks, interrupted.then(() => undefined)]);
  if (result === undefined) {
    stopped = true;
    checks.catch(() => undefined);
  }
  return result;
}
