import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { constantArrivalRate } from '../../../../src/engine/local/executors/constant-arrival-rate.js';
import { rampingArrivalRate } from '../../../../src/engine/local/executors/ramping-arrival-rate.js';
import { fakeRun, type FakeRun } from './fake-context.js';

// The open model on a fake clock: the instants asserted are the ones the schedule plans, not
// what a loaded machine manages (k6 v2.2.0 lib/executor/constant_arrival_rate.go, ramping_arrival_rate.go).

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function runToEnd(f: FakeRun): Promise<void> {
  const done = constantOrRamping(f);
  await vi.runAllTimersAsync();
  await done;
}
const constantOrRamping = (f: FakeRun): Promise<void> =>
  (f.ctx.config.executor === 'ramping-arrival-rate' ? rampingArrivalRate : constantArrivalRate).run(f.ctx);

const car = (extra: Record<string, unknown>): Record<string, unknown> => ({
  rate: 20,
  timeUnit: '1s',
  duration: '1s',
  preAllocatedVUs: 5,
  maxVUs: 5,
  ...extra,
});
const dropped = (f: FakeRun) => f.samples.filter((s) => s.metric === 'dropped_iterations');
const warnings = (f: FakeRun) => f.logs.filter((l) => l.includes('Insufficient VUs'));

describe('arrival schedule: when iterations start', () => {
  it('starts 20/s for 1 s at 0, 50, …, 1000 ms: the tick at exactly the end runs too (21, as k6)', async () => {
    const f = fakeRun(constantArrivalRate, car({}));
    await runToEnd(f);
    expect(f.starts.map((s) => s.at)).toEqual(Array.from({ length: 21 }, (_, i) => i * 50));
    expect(dropped(f)).toEqual([]);
  });

  it('keeps the end tick when float rounding puts it a hair past the duration (15/s: 15 × 66.67 ms)', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 15 }));
    await runToEnd(f);
    expect(f.starts).toHaveLength(16);
    expect(f.starts.at(-1)?.at).toBeCloseTo(1000, 6);
  });

  it('plans nothing past the end: 3 per 2 s for 1 s starts at 0 and 666.7 ms only', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 3, timeUnit: '2s' }));
    await runToEnd(f);
    // setTimeout counts whole ms: the second starts in the ms of its planned 666.67.
    expect(f.starts.map((s) => Math.floor(s.at))).toEqual([0, 666]);
  });

  it('ramping 10/s for 1 s starts at 100, 200, …, 1000 ms (k6 counts from 1; the last at the end)', async () => {
    const f = fakeRun(rampingArrivalRate, {
      startRate: 10,
      timeUnit: '1s',
      stages: [{ target: 10, duration: '1s' }],
      preAllocatedVUs: 2,
      maxVUs: 2,
    });
    await runToEnd(f);
    expect(f.starts.map((s) => Math.round(s.at))).toEqual(
      Array.from({ length: 10 }, (_, i) => (i + 1) * 100),
    );
  });

  it('starts iterations due within the same millisecond together, and waits for each later millisecond', async () => {
    // 4000/s: four arrivals per ms; setTimeout cannot wait a quarter of a ms.
    const f = fakeRun(constantArrivalRate, car({ rate: 4000, preAllocatedVUs: 20, maxVUs: 20 }));
    await runToEnd(f);
    expect(f.starts.slice(0, 9).map((s) => s.at)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2]);
    expect(f.starts).toHaveLength(4001);
  });

  it('waits a whole millisecond when the next arrival is exactly 1 ms away (1000/s)', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 1000, preAllocatedVUs: 2, maxVUs: 2 }));
    await runToEnd(f);
    expect(f.starts.slice(0, 4).map((s) => s.at)).toEqual([0, 1, 2, 3]);
    expect(f.starts).toHaveLength(1001);
  });
});

describe('arrival schedule: no free VU', () => {
  it('drops the arrival, tagged with the run tags and the scenario (not its own tags), as k6 does', async () => {
    // k6 v2.2.0 run with these options: dropped_iterations {glob:"g",scenario:"starved"}.
    const f = fakeRun(constantArrivalRate, car({ rate: 10, preAllocatedVUs: 1, maxVUs: 1 }), {
      iterationMs: 350,
      name: 'starved',
      tags: { team: 'x' },
    });
    f.run.globalTags = { glob: 'g', scenario: 'overridden' };
    await runToEnd(f);
    // One VU busy 350 ms: it takes the ticks at 0, 400 and 800 ms; the other 8 of 11 are dropped.
    expect(f.starts.map((s) => s.at)).toEqual([0, 400, 800]);
    expect(dropped(f)).toHaveLength(8);
    for (const s of dropped(f)) {
      expect(s.value).toBe(1);
      expect(s.tags).toEqual({ glob: 'g', scenario: 'starved' });
    }
  });

  it('warns "Insufficient VUs" once, in k6\'s words, when maxVUs is reached', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 10, preAllocatedVUs: 1, maxVUs: 1 }), {
      iterationMs: 350,
      name: 'starved',
    });
    await runToEnd(f);
    expect(warnings(f)).toHaveLength(1);
    expect(warnings(f)[0]).toMatch(
      /^time="[^"]+" level=warning msg="Insufficient VUs, reached 1 active VUs and cannot initialize more" executor=constant-arrival-rate scenario=starved$/,
    );
  });

  it('does not warn while the VUs suffice', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 10, preAllocatedVUs: 1, maxVUs: 1 }), {
      iterationMs: 50,
    });
    await runToEnd(f);
    expect(f.starts).toHaveLength(11);
    expect(warnings(f)).toEqual([]);
    expect(dropped(f)).toEqual([]);
  });

  it('initialises one more VU per drop below maxVUs, for later arrivals, then warns with maxVUs', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 10, preAllocatedVUs: 1, maxVUs: 3 }), {
      iterationMs: 1000,
    });
    await runToEnd(f);
    // 100 ms: dropped, VU 2 initialised; 200 ms runs on it; 300 ms: dropped, VU 3; 400 ms on it;
    // 500 ms: dropped with all 3 busy → the warning; VU 1 is free again for the tick at 1000 ms.
    expect(f.newVus).toEqual([100, 300]);
    expect(f.starts).toEqual([
      { at: 0, vu: 1 },
      { at: 200, vu: 2 },
      { at: 400, vu: 3 },
      { at: 1000, vu: 1 },
    ]);
    expect(dropped(f).length).toBe(7);
    expect(warnings(f)).toHaveLength(1);
    expect(warnings(f)[0]).toContain('reached 3 active VUs');
  });

  it('initialises one VU at a time: drops in the same millisecond start a single initialisation', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 4000, preAllocatedVUs: 0, maxVUs: 2 }), {
      iterationMs: 5000,
      gracefulStopMs: 0,
    });
    await runToEnd(f);
    expect(f.newVus).toEqual([0, 1]);
    expect(f.starts.map((s) => s.at)).toEqual([1, 2]);
    expect(warnings(f)).toHaveLength(1);
  });

  it('does not warn while a VU below maxVUs is still initialising (drops then are not for want of maxVUs)', async () => {
    // 4 arrivals per ms, each VU busy all along: one VU joins per ms, far from the 5000 allowed.
    const f = fakeRun(constantArrivalRate, car({ rate: 4000, preAllocatedVUs: 0, maxVUs: 5000 }), {
      iterationMs: 5000,
      gracefulStopMs: 0,
    });
    await runToEnd(f);
    expect(dropped(f).length).toBeGreaterThan(1000);
    expect(f.newVus.length).toBeGreaterThan(900);
    expect(warnings(f)).toEqual([]);
  });

  it('initialises no VU once the run is stopping', async () => {
    // The run is aborted as the first drop is counted, before the VU it asked for initialises.
    const f = fakeRun(constantArrivalRate, car({ rate: 10, preAllocatedVUs: 1, maxVUs: 2 }), {
      iterationMs: 5000,
      onSample: (s, run) => {
        if (s.metric === 'dropped_iterations') run.abort('stop', 0);
      },
    });
    await runToEnd(f);
    expect(f.starts.map((s) => s.at)).toEqual([0]);
    expect(dropped(f)).toHaveLength(1);
    expect(f.newVus).toEqual([]);
  });
});

describe('arrival schedule: stopping', () => {
  it('starts nothing more once the run stops, and halts what runs after gracefulStop', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 10 }), { iterationMs: 50 });
    setTimeout(() => f.run.abort('stop', 0), 250);
    await runToEnd(f);
    expect(f.starts.map((s) => s.at)).toEqual([0, 100, 200]);
    expect(dropped(f)).toEqual([]);
  });

  it('halts iterations still running gracefulStop after the end', async () => {
    const f = fakeRun(constantArrivalRate, car({ rate: 1, preAllocatedVUs: 1, maxVUs: 1 }), {
      iterationMs: 3000,
      gracefulStopMs: 500,
    });
    await runToEnd(f);
    expect(f.halted).toBe(1);
  });
});
