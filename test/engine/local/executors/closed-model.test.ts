import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { constantVus } from '../../../../src/engine/local/executors/constant-vus.js';
import { perVuIterations } from '../../../../src/engine/local/executors/per-vu-iterations.js';
import { sharedIterations } from '../../../../src/engine/local/executors/shared-iterations.js';
import type { Executor } from '../../../../src/engine/local/executors/index.js';
import { wait } from '../../../../src/engine/local/executors/types.js';
import { fakeRun, type FakeRun } from './fake-context.js';

// The closed model on a fake clock: each VU loops, starting its next iteration when the last ended,
// until its executor's end (iterations done, or the duration reached).

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function runToEnd(executor: Executor, f: FakeRun): Promise<void> {
  const done = executor.run(f.ctx);
  await vi.runAllTimersAsync();
  await done;
}
const startsOf = (f: FakeRun, vu: number): number[] => f.starts.filter((s) => s.vu === vu).map((s) => s.at);

describe('constant-vus', () => {
  it('each VU loops until the duration: iterations of 250 ms start at 0, 250, 500, 750 (none at 1000)', async () => {
    const f = fakeRun(constantVus, { vus: 2, duration: '1s' }, { iterationMs: 250 });
    await runToEnd(constantVus, f);
    expect(startsOf(f, 1)).toEqual([0, 250, 500, 750]);
    expect(startsOf(f, 2)).toEqual([0, 250, 500, 750]);
    expect(f.halted).toBe(0);
  });

  it('counts its VUs active for the whole loop, and none after', async () => {
    const f = fakeRun(constantVus, { vus: 3, duration: '1s' }, { iterationMs: 400 });
    const seen: number[] = [];
    const held = (): boolean[] => f.ctx.vus.map((v) => v.heldActive);
    const heldSeen: boolean[][] = [];
    setTimeout(() => {
      seen.push(f.run.vusActive);
      heldSeen.push(held());
    }, 500);
    await runToEnd(constantVus, f);
    expect(seen).toEqual([3]);
    expect(heldSeen).toEqual([[true, true, true]]);
    expect(held()).toEqual([false, false, false]);
    expect(f.run.vusActive).toBe(0);
  });

  it('lets the last iteration finish within gracefulStop, and halts it after', async () => {
    const ok = fakeRun(constantVus, { vus: 1, duration: '1s' }, { iterationMs: 600, gracefulStopMs: 300 });
    await runToEnd(constantVus, ok);
    expect(ok.halted).toBe(0);
    const late = fakeRun(constantVus, { vus: 1, duration: '1s' }, { iterationMs: 700, gracefulStopMs: 300 });
    await runToEnd(constantVus, late);
    expect(late.halted).toBe(1);
  });

  it('starts nothing once the run stops', async () => {
    const f = fakeRun(constantVus, { vus: 1, duration: '1s' }, { iterationMs: 100 });
    setTimeout(() => f.run.abort('stop', 0), 250);
    await runToEnd(constantVus, f);
    expect(startsOf(f, 1)).toEqual([0, 100, 200]);
  });
});

describe('gracefulStop and a test abort', () => {
  it('a test abort during gracefulStop halts the stragglers at once, not at the end of the grace', async () => {
    const f = fakeRun(constantVus, { vus: 1, duration: '1s' }, { iterationMs: 5000, gracefulStopMs: 30_000 });
    setTimeout(() => f.run.abort('stop', 0), 2000);
    await runToEnd(constantVus, f);
    expect(f.haltedAt).toEqual([2000]);
  });
});

describe('wait', () => {
  it('resolves at once for 0 ms or an aborted signal, and when the signal aborts before the time', async () => {
    const log: string[] = [];
    void wait(0, new AbortController().signal).then(() => log.push('zero'));
    const aborted = new AbortController();
    aborted.abort();
    void wait(1000, aborted.signal).then(() => log.push('aborted'));
    await Promise.resolve();
    expect(log).toEqual(['zero', 'aborted']);
    const live = new AbortController();
    void wait(1000, live.signal).then(() => log.push(`woken at ${performance.now() - t}`));
    const t = performance.now();
    setTimeout(() => live.abort(), 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(['zero', 'aborted', 'woken at 10']);
  });
});

describe('per-vu-iterations', () => {
  it('each VU runs its own iterations back to back', async () => {
    const f = fakeRun(perVuIterations, { vus: 2, iterations: 3 }, { iterationMs: 100 });
    await runToEnd(perVuIterations, f);
    expect(startsOf(f, 1)).toEqual([0, 100, 200]);
    expect(startsOf(f, 2)).toEqual([0, 100, 200]);
    expect(f.run.vusActive).toBe(0);
  });

  it('stops starting at maxDuration (a 250 ms iteration: 0, 250, 500, 750)', async () => {
    const f = fakeRun(perVuIterations, { vus: 1, iterations: 10, maxDuration: '1s' }, { iterationMs: 250 });
    await runToEnd(perVuIterations, f);
    expect(startsOf(f, 1)).toEqual([0, 250, 500, 750]);
    expect(f.halted).toBe(0);
  });

  it('starts nothing once the run stops', async () => {
    const f = fakeRun(perVuIterations, { vus: 1, iterations: 10 }, { iterationMs: 100 });
    setTimeout(() => f.run.abort('stop', 0), 150);
    await runToEnd(perVuIterations, f);
    expect(startsOf(f, 1)).toEqual([0, 100]);
  });
});

describe('shared-iterations', () => {
  it('the VUs share the iterations: each free VU takes the next until all are started', async () => {
    const f = fakeRun(sharedIterations, { vus: 2, iterations: 5 }, { iterationMs: 100 });
    await runToEnd(sharedIterations, f);
    expect(f.starts.map((s) => s.at)).toEqual([0, 0, 100, 100, 200]);
    expect(f.run.vusActive).toBe(0);
  });

  it('a faster VU takes more of them', async () => {
    // VU 1 takes 350 ms per iteration, VU 2 100 ms.
    const f = fakeRun(
      sharedIterations,
      { vus: 2, iterations: 6 },
      { iterationMs: (vu) => (vu === 1 ? 350 : 100) },
    );
    await runToEnd(sharedIterations, f);
    expect(startsOf(f, 1)).toEqual([0, 350]);
    expect(startsOf(f, 2)).toEqual([0, 100, 200, 300]);
  });

  it('stops starting at maxDuration (250 ms iterations: 4 of 10 in 1 s)', async () => {
    const f = fakeRun(sharedIterations, { vus: 1, iterations: 10, maxDuration: '1s' }, { iterationMs: 250 });
    await runToEnd(sharedIterations, f);
    expect(f.starts.map((s) => s.at)).toEqual([0, 250, 500, 750]);
  });

  it('a segment runs its share: with 3 VUs, 0:1/2 starts 7 of 10 iterations on its 2 VUs', async () => {
    const f = fakeRun(
      sharedIterations,
      { vus: 3, iterations: 10 },
      {
        iterationMs: 100,
        segment: '0:1/2',
        sequence: '0,1/2,1',
      },
    );
    expect(f.ctx.vus).toHaveLength(2);
    await runToEnd(sharedIterations, f);
    expect(f.starts).toHaveLength(7);
  });

  it('starts nothing once the run stops', async () => {
    const f = fakeRun(sharedIterations, { vus: 1, iterations: 10 }, { iterationMs: 100 });
    setTimeout(() => f.run.abort('stop', 0), 150);
    await runToEnd(sharedIterations, f);
    expect(f.starts.map((s) => s.at)).toEqual([0, 100]);
  });
});
