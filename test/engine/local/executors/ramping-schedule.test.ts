import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  rampingArrivalRate,
  rampingStartAt,
} from '../../../../src/engine/local/executors/ramping-arrival-rate.js';
import { constantArrivalRate } from '../../../../src/engine/local/executors/constant-arrival-rate.js';
import type { Executor } from '../../../../src/engine/local/executors/index.js';
import { fakeRun } from './fake-context.js';

// When the arrival-rate executors start iterations, against k6 v2.2.0's own expectations
// (lib/executor/ramping_arrival_rate_test.go TestRampingArrivalRateCal,
// constant_arrival_rate_test.go TestConstantArrivalRateGlobalIters).

const K6_STAGES = [
  { target: 1, duration: 5000 },
  { target: 1, duration: 1000 },
  { target: 0, duration: 5000 },
];
const K6_WHOLE = [3162, 4472, 5500, 6527, 7837, 11000];
const K6_THRICE = [
  1825, 2581, 3162, 3651, 4082, 4472, 4830, 5166, 5499, 5833, 6169, 6527, 6917, 7348, 7837, 8418, 9174, 10999,
];

const schedule = (startAt: (n: number) => number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => startAt(i + 1));
// k6's expectations are its instants truncated to the ms after its own float rounding (5499 for 5500).
const closeTo = (got: readonly number[], want: readonly number[]): void => {
  expect(got).toHaveLength(want.length);
  got.forEach((t, i) => expect(Math.abs(t - (want[i] ?? Number.NaN))).toBeLessThanOrEqual(1));
};

describe('rampingStartAt: the n-th start where the rate’s integral reaches n', () => {
  it('0 → 1/s over 5 s, 1/s for 1 s, 1 → 0 over 5 s: k6’s instants, the last at the very end', () => {
    const at = rampingStartAt(0, 1000, K6_STAGES);
    closeTo(schedule(at, 6), K6_WHOLE);
    expect(at(6)).toBeCloseTo(11_000, 6);
    expect(at(7)).toBe(Number.POSITIVE_INFINITY);
  });

  it('the same stages with a timeUnit of 1/3 s: three times as many, k6’s instants', () => {
    const at = rampingStartAt(0, 1000 / 3, K6_STAGES);
    closeTo(schedule(at, 18), K6_THRICE);
    expect(at(19)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a constant stage from startRate: evenly spaced, the last at the stage’s end', () => {
    const at = rampingStartAt(10, 1000, [{ target: 10, duration: 1000 }]);
    expect(schedule(at, 10).map((t) => Math.round(t * 1e6) / 1e6)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i + 1) * 100),
    );
    expect(at(11)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a ramp down from startRate: the first start early, the last at the end', () => {
    const at = rampingStartAt(10, 1000, [{ target: 0, duration: 1000 }]);
    // 10t − 5t² = 1 → t = 1 − √0.8 s.
    expect(at(1)).toBeCloseTo((1 - Math.sqrt(0.8)) * 1000, 6);
    expect(at(5)).toBeCloseTo(1000, 6);
    expect(at(6)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a stage at rate 0 starts nothing and shifts the next stage', () => {
    const at = rampingStartAt(0, 1000, [
      { target: 0, duration: 2000 },
      { target: 2, duration: 1000 },
    ]);
    expect(at(1)).toBeCloseTo(3000, 6);
    expect(at(2)).toBe(Number.POSITIVE_INFINITY);
    expect(rampingStartAt(0, 1000, [{ target: 0, duration: 1000 }])(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a second stage continues where the first left off', () => {
    const at = rampingStartAt(0, 1000, [
      { target: 10, duration: 1000 },
      { target: 10, duration: 1000 },
    ]);
    expect(at(5)).toBeCloseTo(1000, 6);
    expect(at(6)).toBeCloseTo(1100, 6);
    expect(at(15)).toBeCloseTo(2000, 6);
    expect(at(16)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('segments start their stripe of the arrivals, at the whole test’s instants', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function startsIn(
    executor: Executor,
    raw: Record<string, unknown>,
    segment: string,
    sequence: string,
  ) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const f = fakeRun(executor, raw, { segment, sequence });
    const done = executor.run(f.ctx);
    await vi.runAllTimersAsync();
    await done;
    return f.starts.map((s) => s.at);
  }

  it.each([
    ['0:1/3', [3162, 6527]],
    ['1/3:2/3', [4472, 7837]],
    ['2/3:1', [5500, 11000]],
  ])('ramping-arrival-rate, %s of 0,1/3,2/3,1', async (segment, want) => {
    const raw = {
      startRate: 0,
      stages: K6_STAGES.map((s) => ({ target: s.target, duration: `${s.duration}ms` })),
      preAllocatedVUs: 3,
      maxVUs: 3,
    };
    // setTimeout counts whole ms, so a start lands in the ms of its planned instant.
    closeTo(await startsIn(rampingArrivalRate, raw, segment, '0,1/3,2/3,1'), want.map(Math.floor));
  });

  it.each([
    ['0:1/4', [1, 6, 11, 16, 21]],
    ['1/4:3/4', [0, 2, 4, 5, 7, 9, 10, 12, 14, 15, 17, 19, 20]],
    ['3/4:1', [3, 8, 13, 18]],
  ])(
    'constant-arrival-rate 20 per 950 ms for 1 s, %s of 0,1/4,3/4,1: k6’s global iterations',
    async (segment, iters) => {
      const raw = { rate: 20, timeUnit: '950ms', duration: '1s', preAllocatedVUs: 5, maxVUs: 5 };
      const starts = await startsIn(constantArrivalRate, raw, segment, '0,1/4,3/4,1');
      expect(starts).toEqual(iters.map((gi) => Math.floor(gi * 47.5)));
    },
  );
});
