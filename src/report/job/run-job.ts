import { join, relative, resolve } from 'node:path';
import { listRuns, MANIFEST_FILE, readJson, gitCommit, type RunManifest } from '../../history/index.js';
import { createRunDir, type RunDir } from '../../run/index.js';
import { resolveTarget, type ResolvedTarget } from '../../target/index.js';
import type { HarnessConfig } from '../../types/generated/harness-config.js';
import type { VerifyResult } from '../../types/generated/verify-result.js';
import { writeReport } from '../write-report.js';
import { formatSummary, summaryEvent } from './console-summary.js';
import { adoptNewRunFolders, optionalModule } from './phase-adapter.js';
import type { Progress } from './progress.js';
import { probeSamples, selfCheck } from './self-check.js';

/** What the main job hands to the verify and load phases besides the config. */
export interface PhaseContext {
  readonly target: ResolvedTarget;
  readonly runDir: RunDir;
  readonly runId: string;
  readonly progress: Progress;
  /** Load only: the engine's own progress line, and elapsed/total of the load phase. */
  readonly onLine: (line: string) => void;
  readonly onProgress: (p: { elapsedMs: number; totalMs?: number }) => void;
  /** src/load's names for the same: its own log lines and the engine's raw output. */
  readonly log: (line: string) => void;
  readonly onEngineOutput: (chunk: string) => void;
  readonly scenario: 'all';
}
interface VerifyModule { runVerify?: (config: Readonly<HarnessConfig>, target?: ResolvedTarget, context?: PhaseContext) => Promise<VerifyResult> }
interface LoadModule { runLoad?: (config: Readonly<HarnessConfig>, context?: PhaseContext) => Promise<unknown> }

export interface JobResult {
  readonly exitCode: number;
  readonly runDir: string;
  readonly reportFile: string;
}

/**
 * `harness run`: one target (the embedded reference unless named), verify, then
 * every load scenario, all into ONE run folder; then run.json, history, the HTML
 * report and the console summary. Exit 1 on a contract failure, 99 (k6's code)
 * when only load thresholds were crossed, 0 otherwise.
 */
export async function runJob(config: Readonly<HarnessConfig> & { seed: number }, progress: Progress, harnessVersion: string): Promise<JobResult> {
  const reportsDir = resolve(config.reportsDir);
  const run = createRunDir(reportsDir);
  const startedAt = new Date().toISOString();
  progress.phase('target', config.target ?? `embedded reference, time scale ${config.timeScale}, seed ${config.seed}`);
  const target = await resolveTarget(config);
  let engine: string = config.engine;
  let loadExit: number | undefined;
  let verify: VerifyResult;
  try {
    let ticker: NodeJS.Timeout | undefined;
    let total: number | undefined;
    const loadStart = Date.now();
    const context: PhaseContext = {
      target, runDir: run, runId: run.id, progress, scenario: 'all',
      onLine: (line) => progress.engineLine(line),
      onProgress: (p) => { total = p.totalMs; },
      log: (line) => progress.note(line),
      onEngineOutput: (chunk) => {
        for (const line of chunk.split(/\r?\n|\r/)) {
          if (line.trim() === '') continue;
          progress.engineLine(line);
          // k6's progress line "running (0m03.1s/2m00.0s), …": the planned maximum gives the remaining time.
          const m = /running \((\d+)m(\d+(?:\.\d+)?)s\/(\d+)m(\d+(?:\.\d+)?)s\)/.exec(line);
          if (m !== null) total = (Number(m[3]) * 60 + Number(m[4])) * 1000 + (Date.now() - loadStart) - (Number(m[1]) * 60 + Number(m[2])) * 1000;
        }
      },
    };
    const verifyMod = await optionalModule<VerifyModule>('../../verify/index.ts');
    const before = listRuns(reportsDir);
    if (verifyMod?.runVerify !== undefined) {
      progress.phase('verify', target.profile.baseUrl);
      verify = await verifyMod.runVerify(config, target, context);
      adoptNewRunFolders(reportsDir, before, run.path, run.id);
    } else {
      progress.phase('self-check', '`harness verify` is not in this checkout: schemas + the docs example per endpoint');
      verify = await selfCheck(target, run.id, config.seed, config.requestTimeoutMs);
      run.write('verify.json', `${JSON.stringify(verify, null, 2)}\n`);
    }
    const loadMod = await optionalModule<LoadModule>('../../load/index.ts');
    if (loadMod?.runLoad !== undefined) {
      progress.phase('load', `all scenarios · profile ${config.loadProfile} · engine ${config.engine}`);
      ticker = setInterval(() => progress.loadTick(Date.now() - loadStart, total), config.ci ? 15_000 : 5_000).unref();
      const beforeLoad = listRuns(reportsDir);
      try {
        const result = await loadMod.runLoad(config, context);
        loadExit = typeof result === 'number' ? result : (result as { exitCode?: number } | undefined)?.exitCode;
      } finally {
        clearInterval(ticker);
      }
      adoptNewRunFolders(reportsDir, beforeLoad, run.path, run.id);
      const loadRun = readJson<{ engine?: string | { kind?: string; version?: string } }>(join(run.path, 'load-run.json'));
      const used = loadRun?.engine;
      engine = (typeof used === 'object' ? [used.kind, used.version].filter((x) => x !== undefined).join(' ') : used) || engine;
    } else {
      progress.phase('probe', '`harness load` is not in this checkout: 20 calls per endpoint');
      run.write('samples.json.gz', await probeSamples(target, 20, config.requestTimeoutMs));
      engine = 'self-check probe';
    }
  } finally {
    await target.stop();
  }
  const summary = readJson<{ results?: { passed?: boolean } }>(join(run.path, 'load-summary.json'));
  const thresholdsCrossed = loadExit === 99 || summary?.results?.passed === false;
  const exitCode = verify.summary.failed > 0 ? 1 : thresholdsCrossed ? 99 : 0;
  const manifest: RunManifest = {
    formatVersion: '1.0.0', runId: run.id, startedAt, finishedAt: new Date().toISOString(),
    target: { name: target.profile.name, baseUrl: target.profile.baseUrl, embedded: target.embedded, ...(config.faults.length > 0 ? { faults: [...config.faults] } : {}) },
    profile: config.loadProfile, engine, seed: config.seed, timeScale: target.embedded ? config.timeScale : 1,
    harnessVersion, nodeVersion: process.version, exitCode, ...optional('gitCommit', gitCommit()),
  };
  run.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  createRunDir(reportsDir, run.id); // a phase may have re-pointed reports/latest at its own folder
  progress.phase('report');
  const { file, data } = await writeReport(reportsDir, run.path, { seed: config.seed });
  const outcome = { manifest, verify, summary: data.summary, thresholdsCrossed, reportPath: relative(process.cwd(), file) || file };
  if (config.ci) progress.emit(summaryEvent(outcome));
  else process.stdout.write(formatSummary(outcome));
  return { exitCode, runDir: run.path, reportFile: file };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
