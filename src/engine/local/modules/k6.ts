import { HarnessError } from '../../../errors/index.js';
import type { Vu } from '../runtime/vu.js';

/** Module `k6`: check, group, sleep, fail — with k6's tags and group naming ('::a::b'). */
export function k6Module(vu: Vu): Record<string, unknown> {
  const run = vu.run;
  run.metrics.define('group_duration', 'trend', 'time');

  function check(value: unknown, sets: Record<string, unknown>, tags: Record<string, string> = {}): boolean {
    if (vu.inInit) throw new Error('check() is not supported in the init context');
    let all = true;
    for (const [name, predicate] of Object.entries(sets)) {
      let ok = false;
      try {
        ok = Boolean(
          typeof predicate === 'function' ? (predicate as (v: unknown) => unknown)(value) : predicate,
        );
      } finally {
        // A callback that throws counts as a failed check (as in k6), then the exception goes on.
        all &&= ok;
        run.countCheck(vu.groupPath, name, ok);
        run.emit('checks', ok ? 1 : 0, { ...vu.baseTags(), ...tags, check: name });
      }
    }
    return all;
  }

  async function group<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    if (vu.inInit) throw new Error('group() is not supported in the init context');
    if (name.includes('::')) throw new Error("group and check names may not contain '::'");
    if (typeof fn !== 'function') throw new Error('group() needs a function as its second argument');
    const outer = vu.groupPath;
    vu.groupPath = `${outer}::${name}`;
    run.groups.add(vu.groupPath);
    const start = performance.now();
    try {
      return await fn();
    } finally {
      const tags = vu.baseTags();
      vu.groupPath = outer;
      run.emit('group_duration', performance.now() - start, tags);
    }
  }

  function sleep(seconds: number): Promise<void> {
    if (vu.inInit) throw new Error('sleep() is not supported in the init context');
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new HarnessError(
        'HARNESS_ERR_ENGINE_OPTIONS',
        `sleep() needs a non-negative number of seconds, got ${String(seconds)}`,
      );
    }
    // Tracked: a sleep in an async function nobody awaits still holds the iteration open (k6's event loop).
    return vu.track(
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          vu.timers.delete(timer);
          resolve();
        }, seconds * 1000);
        vu.timers.add(timer);
      }),
    );
  }

  function fail(message = ''): never {
    throw new Error(message);
  }

  const api = { check, group, sleep, fail };
  return { __esModule: true, default: api, ...api };
}
