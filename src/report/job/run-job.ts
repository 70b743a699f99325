import { join, relative, resolve } from 'node:path';
import { MANIFEST_FILE, readJson, gitCommit, type RunManifest } from '../../history/index.js';
import { runLoad } from '../../load/index.js';
import { createRunDir } from '../../run/index.js';
import { resolveTarget } from '../../target/index.js';
import type { HarnessConfig } from '../../types/generated/harness-config.js';
import type { LoadRun } from '../../types/generated/load-run.js';
import type { VerifyResult } from '../../types/generated/verify-result.js';
import { runVerify } from '../../verify/index.js';
import { writeReport } from '../write-report.js';
import { formatSummary, summaryEvent } from './console-summary.js';
import type { Progress } from './progress.js';

export interface JobResult {
  readonly exitCode: number;
  readonly runDir: string;
  readonly reportFile: string;
}

/** k6's progress line "running (0m03.1s/2m00.0s), …": elapsed and planned maximum, in ms. */
const PROGRESS_LINE = /running \((\d+)m(\d+(?:\.\d+)?)s\/(\d+)m(\d+(?:\.\d+)?)s\)/;

/**
 * `harness run`: one target (the embedded reference unless named), verify, then
 * every load scenario, all into ONE run folder; then run.json, history, the HTML
 * report and the console summary. Exit 1 on a contract failure, 99 (k6's code)
 * when only load thresholds were crossed, 0 otherwise.
 */
export async function runJob(
  config: Readonly<HarnessConfig> & { seed: number },
  progress: Progress,
  harnessVersion: string,
): Promise<JobResult> {
  const reportsDir = resolve(config.reportsDir);
  const run = createRunDir(reportsDir);
  const startedAt = new Date().toISOString();
  progress.phase(
    'target',
    config.target ?? `embedded reference, time scale ${config.timeScale}, seed ${config.seed}`,
  );
  const target = await resolveTarget(config);
  let engine: string;
  let loadExit: number;
  let thresholds: LoadRun['thresholds'];
  let credits: LoadRun['credits'];
  let verify: VerifyResult;
  try {
    progress.phase('verify', target.profile.baseUrl);
    verify = await runVerify(config, target, { runDir: run });

    progress.phase('load', `all scenarios · profile ${config.loadProfile} · engine ${config.engine}`);
    const loadStart = Date.now();
    let total: number | undefined;
    const ticker = setInterval(
      () => progress.loadTick(Date.now() - loadStart, total),
      config.ci ? 15_000 : 5_000,
    ).unref();
    try {
      const result = await runLoad(config, {
        target,
        runDir: run,
        scenario: 'all',
        verify,
        log: (line) => progress.note(line),
        onEngineOutput: (chunk) => {
          for (const line of chunk.split(/\r?\n|\r/)) {
            if (line.trim() === '') continue;
            progress.engineLine(line);
            const m = PROGRESS_LINE.exec(line);
            if (m !== null)
              total =
                (Number(m[3]) * 60 + Number(m[4])) * 1000 +
                (Date.now() - loadStart) -
                (Number(m[1]) * 60 + Number(m[2])) * 1000;
          }
        },
      });
      loadExit = result.exitCode;
      thresholds = result.run.thresholds;
      credits = result.run.credits;
      engine = result.run.engine.kind;
    } finally {
      clearInterval(ticker);
    }
  } finally {
    await target.stop();
  }
  const summary = readJson<{ thresholdsPassed?: boolean }>(join(run.path, 'load-summary.json'));
  const thresholdsCrossed = loadExit === 99 || summary?.thresholdsPassed === false;
  const exitCode = verify.summary.failed > 0 ? 1 : thresholdsCrossed ? 99 : 0;
  const manifest: RunManifest = {
    formatVersion: '1.0.0',
    runId: run.id,
    startedAt,
    finishedAt: new Date().toISOString(),
    target: {
      name: target.profile.name,
      baseUrl: target.profile.baseUrl,
      embedded: target.embedded,
      ...(config.faults.length > 0 ? { faults: [...config.faults] } : {}),
    },
    profile: config.loadProfile,
    engine,
    seed: config.seed,
    timeScale: target.embedded ? config.timeScale : 1,
    harnessVersion,
    nodeVersion: process.version,
    exitCode,
    ...optional('gitCommit', gitCommit()),
  };
  run.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  progress.phase('report');
  const { file, data } = await writeReport(reportsDir, run.path, { seed: config.seed });
  progress.end();
  const outcome = {
    manifest,
    verify,
    summary: data.summary,
    thresholdsCrossed,
    thresholds,
    reportPath: relative(process.cwd(), file) || file,
    ...(credits === undefined ? {} : { credits }),
  };
  if (config.ci) progress.emit(summaryEvent(outcome));
  else process.stdout.write(formatSummary(outcome));
  return { exitCode, runDir: run.path, reportFile: file };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
