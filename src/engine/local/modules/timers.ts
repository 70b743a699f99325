import type { Vu } from '../runtime/vu.js';

/**
 * Module `k6/timers` (also k6's globals). Timers belong to their VU: an iteration ends only
 * when its timers have fired or been cleared, as in k6's per-VU event loop.
 */
export function timersModule(vu: Vu): Record<string, unknown> {
  const releases = new Map<NodeJS.Timeout, () => void>();
  const forget = (t: NodeJS.Timeout): void => {
    vu.timers.delete(t);
    releases.get(t)?.();
    releases.delete(t);
  };
  const api = {
    setTimeout(fn: (...args: unknown[]) => unknown, ms = 0, ...args: unknown[]): NodeJS.Timeout {
      const t = setTimeout(
        () => {
          // A callback that makes blocking calls became async: the iteration waits for it too.
          try {
            const result = fn(...args);
            if (result instanceof Promise) void vu.track(result).catch(() => undefined);
          } finally {
            forget(t);
          }
        },
        Number(ms) || 0,
      );
      vu.timers.add(t);
      releases.set(t, vu.hold());
      return t;
    },
    clearTimeout(t: NodeJS.Timeout | undefined): void {
      if (t === undefined || !releases.has(t)) return;
      clearTimeout(t);
      forget(t);
    },
    setInterval(fn: (...args: unknown[]) => unknown, ms = 0, ...args: unknown[]): NodeJS.Timeout {
      const t = setInterval(
        () => {
          const result = fn(...args);
          if (result instanceof Promise) void vu.track(result).catch(() => undefined);
        },
        Math.max(1, Number(ms) || 0),
      );
      vu.timers.add(t);
      releases.set(t, vu.hold());
      return t;
    },
    clearInterval(t: NodeJS.Timeout | undefined): void {
      if (t === undefined || !releases.has(t)) return;
      clearInterval(t);
      forget(t);
    },
  };
  return { __esModule: true, default: api, ...api };
}
