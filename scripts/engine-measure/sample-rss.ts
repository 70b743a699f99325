import { readFileSync } from 'node:fs';

/**
 * Samples a child process's resident memory from /proc (Linux) while it runs: the engine ends
 * before anyone could ask it, so the peak is the highest VmHWM seen. Undefined where /proc is absent.
 */
export function sampleRss(pid: number, everyMs = 100): { stop(): number | undefined } {
  let peakMb: number | undefined;
  const read = (): void => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (Number.isFinite(kb)) peakMb = Math.max(peakMb ?? 0, kb / 1024);
    } catch {
      /* the process has exited */
    }
  };
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peakMb;
    },
  };
}
