import { runLoad, type LoadResult } from '../../load/index.js';
import type { RunDir, StopSignal } from '../../run/index.js';
import type { ResolvedTarget } from '../../target/index.js';
import type { HarnessConfig } from '../../types/generated/harness-config.js';
import type { VerifyResult } from '../../types/generated/verify-result.js';
import type { Progress } from './progress.js';

/** k6's progress line "running (0m03.1s/2m00.0s), …": elapsed and planned maximum, in ms. */
const PROGRESS_LINE = /running \((\d+)m(\d+(?:\.\d+)?)s\/(\d+)m(\d+(?:\.\d+)?)s\)/;

/**
 * The main job's load phase: every scenario, the engine's lines on the console and a tick
 * with the time left. A signal that arrived before the engine started stops it at once
 * (afterwards the engine runner forwards signals itself).
 */
export async function loadWithProgress(
  config: Readonly<HarnessConfig>,
  target: ResolvedTarget,
  run: RunDir,
  progress: Progress,
  received: () => StopSignal | undefined,
  verify?: VerifyResult,
  har?: string,
): Promise<LoadResult> {
  const loadStart = Date.now();
  let total: number | undefined;
  const ticker = setInterval(
    () => progress.loadTick(Date.now() - loadStart, total),
    config.ci ? 15_000 : 5_000,
  ).unref();
  try {
    return await runLoad(config, {
      target,
      runDir: run,
      scenario: 'all',
      // What verify observed of each workflow's creditUsage prices the plan (cost before load).
      ...(verify === undefined ? {} : { verify }),
      ...(har === undefined ? {} : { har: { file: har, iterations: 1, unlessK6: true } }),
      log: (line) => progress.note(line),
      onEngineStart: (pid) => {
        const signal = received();
        if (signal !== undefined) process.kill(pid, signal);
      },
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
  } finally {
    clearInterval(ticker);
  }
}
