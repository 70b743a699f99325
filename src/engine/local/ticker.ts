import type { EngineOptions } from './options/parse-options.js';
import { EXECUTORS } from './executors/index.js';
import type { TestRun } from './runtime/test-run.js';

export interface Ticker {
  stop(): void;
}

function clock(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return `${Math.floor(s / 60)}m${(s % 60).toFixed(1).padStart(4, '0')}s`;
}

/**
 * Once a second: the vus / vus_max gauges (k6 samples them on a 1 s ticker only: none at
 * the start or the end, so a test shorter than 1 s has neither) and a
 * k6-like progress line; every `thresholdEveryMs`: threshold evaluation (abortOnFail).
 */
export function startTicker(
  run: TestRun,
  options: EngineOptions,
  onProgress: ((line: string) => void) | undefined,
  thresholdEveryMs: number,
  evaluate: () => void,
): Ticker {
  const planned = Math.max(
    ...options.scenarios.map((s) => s.startTimeMs + (EXECUTORS.get(s.executor)?.plannedMs(s.params) ?? 0)),
  );
  const sample = (): void => {
    run.emit('vus', run.vusActive, run.globalTags);
    run.emit('vus_max', run.vusMax, run.globalTags);
  };
  let lastEval = 0;
  const timer = setInterval(() => {
    sample();
    const elapsed = run.elapsedMs();
    if (elapsed - lastEval >= thresholdEveryMs - 50) {
      lastEval = elapsed;
      evaluate();
    }
    onProgress?.(
      `running (${clock(elapsed)}/${clock(planned)}), ${String(run.vusActive).padStart(2, '0')}/${String(run.vusMax).padStart(2, '0')} VUs, ${run.iterationsCompleted} complete and ${run.iterationsInterrupted} interrupted iterations`,
    );
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
