import { describe, expect, it } from 'vitest';
import { EXECUTORS } from '../../../../src/engine/local/executors/index.js';
import type { Executor } from '../../../../src/engine/local/executors/index.js';
import {
  executionTuple,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  type ExecutionTuple,
} from '../../../../src/engine/local/segments/index.js';

// What each executor accepts, how many VUs it initialises and may use, and which share of the work
// a segment gets (k6 v2.2.0 lib/executor/*.go: Validate, GetMaxVUs/GetPreAllocatedVUs, HasWork).

const exec = (name: string): Executor => {
  const e = EXECUTORS.get(name);
  if (e === undefined) throw new Error(`no executor ${name}`);
  return e;
};
const whole = executionTuple(undefined, undefined);
const seg = (segment: string, sequence: string): ExecutionTuple =>
  executionTuple(parseExecutionSegment(segment), parseExecutionSegmentSequence(sequence));
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('the executors the local engine implements', () => {
  it('are k6’s five, each with its own fields', () => {
    expect([...EXECUTORS.keys()].sort()).toEqual([
      'constant-arrival-rate',
      'constant-vus',
      'per-vu-iterations',
      'ramping-arrival-rate',
      'shared-iterations',
    ]);
    expect(exec('constant-vus').fields).toEqual(['vus', 'duration']);
    expect(exec('shared-iterations').fields).toEqual(['vus', 'iterations', 'maxDuration']);
    expect(exec('per-vu-iterations').fields).toEqual(['vus', 'iterations', 'maxDuration']);
    expect(exec('constant-arrival-rate').fields).toEqual([
      'rate',
      'timeUnit',
      'duration',
      'preAllocatedVUs',
      'maxVUs',
    ]);
    expect(exec('ramping-arrival-rate').fields).toEqual([
      'startRate',
      'timeUnit',
      'stages',
      'preAllocatedVUs',
      'maxVUs',
    ]);
  });
});

describe('closed-model executors', () => {
  it('constant-vus: 1 VU by default, a duration of at least 1 s required; planned for the duration', () => {
    const p = exec('constant-vus').parse({ duration: '2s' }, 's');
    expect(p).toEqual({ vus: 1, duration: 2000 });
    expect(exec('constant-vus').plannedMs(p)).toBe(2000);
    expect(message(() => exec('constant-vus').parse({}, 's'))).toContain('the duration is unspecified');
  });

  it('shared-iterations: defaults 1 VU, 1 iteration, 10m; refuses fewer iterations than VUs', () => {
    const e = exec('shared-iterations');
    expect(e.parse({}, 's')).toEqual({ vus: 1, iterations: 1, maxDuration: 600_000 });
    expect(e.parse({ vus: 3, iterations: 3 }, 's')).toEqual({ vus: 3, iterations: 3, maxDuration: 600_000 });
    expect(message(() => e.parse({ vus: 3, iterations: 2 }, 's'))).toBe(
      "scenario 's': iterations (2) can't be less than the number of VUs (3)",
    );
    expect(e.plannedMs(e.parse({ maxDuration: '5s' }, 's'))).toBe(5000);
  });

  it('per-vu-iterations: defaults 1 VU × 1 iteration within 10m', () => {
    const e = exec('per-vu-iterations');
    expect(e.parse({}, 's')).toEqual({ vus: 1, iterations: 1, maxDuration: 600_000 });
    expect(e.parse({ vus: 2, iterations: 5, maxDuration: '3s' }, 's')).toEqual({
      vus: 2,
      iterations: 5,
      maxDuration: 3000,
    });
    expect(e.plannedMs(e.parse({ maxDuration: '3s' }, 's'))).toBe(3000);
    expect(message(() => e.parse({ iterations: 0 }, 's'))).toBe(
      "scenario 's': iterations must be a whole number ≥ 1, got 0",
    );
  });

  it.each(['constant-vus', 'per-vu-iterations', 'shared-iterations'])(
    '%s: initialises and uses its VUs, a segment its share of them',
    (name) => {
      const e = exec(name);
      const p = e.parse({ vus: 4, iterations: 8, duration: '1s' }, 's');
      expect(e.preAllocate(p, whole)).toBe(4);
      expect(e.maxVus(p, whole)).toBe(4);
      expect(e.workTuple(p, whole)).toBeDefined();
      const half = seg('1/2:1', '0,1/2,1');
      expect(e.preAllocate(p, half)).toBe(2);
      expect(e.maxVus(p, half)).toBe(2);
    },
  );

  it.each(['constant-vus', 'per-vu-iterations', 'shared-iterations'])(
    '%s: a segment with no VU gets no work (k6 skips the scenario there)',
    (name) => {
      const e = exec(name);
      const p = e.parse({ vus: 1, iterations: 1, duration: '1s' }, 's');
      const sequence = '0,1/2,1';
      const shares = ['0:1/2', '1/2:1'].map((s) => e.workTuple(p, seg(s, sequence)));
      expect(shares.filter((w) => w === undefined)).toHaveLength(1);
    },
  );

  it('shared-iterations re-cuts by its VUs: with 3 VUs, 0:1/2 runs 7 of 10 iterations and 1/2:1 the other 3', () => {
    const e = exec('shared-iterations');
    const p = e.parse({ vus: 3, iterations: 10 }, 's');
    const first = seg('0:1/2', '0,1/2,1');
    const second = seg('1/2:1', '0,1/2,1');
    expect([e.maxVus(p, first), e.maxVus(p, second)]).toEqual([2, 1]);
    expect(e.workTuple(p, first)?.scale(10)).toBe(7);
    expect(e.workTuple(p, second)?.scale(10)).toBe(3);
  });
});

describe('arrival-rate executors', () => {
  it('constant-arrival-rate: rate, duration and preAllocatedVUs required; timeUnit 1s and maxVUs = preAllocatedVUs by default', () => {
    const e = exec('constant-arrival-rate');
    expect(e.parse({ rate: 5, duration: '2s', preAllocatedVUs: 2 }, 's')).toEqual({
      rate: 5,
      timeUnit: 1000,
      duration: 2000,
      preAllocatedVUs: 2,
      maxVUs: 2,
    });
    expect(
      e.parse({ rate: 5, duration: '2s', preAllocatedVUs: 0, maxVUs: 3, timeUnit: '1m' }, 's'),
    ).toMatchObject({
      timeUnit: 60_000,
      preAllocatedVUs: 0,
      maxVUs: 3,
    });
    expect(message(() => e.parse({ duration: '2s', preAllocatedVUs: 1 }, 's'))).toBe(
      "scenario 's': rate is required",
    );
    expect(message(() => e.parse({ rate: 1, duration: '2s' }, 's'))).toBe(
      "scenario 's': preAllocatedVUs is required",
    );
    expect(message(() => e.parse({ rate: 1, duration: '2s', preAllocatedVUs: 3, maxVUs: 2 }, 's'))).toContain(
      "scenario s has configuration errors: maxVUs can't be less than preAllocatedVUs",
    );
    expect(e.plannedMs(e.parse({ rate: 1, duration: '3s', preAllocatedVUs: 1 }, 's'))).toBe(3000);
  });

  it('ramping-arrival-rate: stages required and checked, startRate 0 by default, planned for the stages’ sum', () => {
    const e = exec('ramping-arrival-rate');
    const p = e.parse(
      {
        stages: [
          { target: 5, duration: '1s' },
          { target: 0, duration: '500ms' },
        ],
        preAllocatedVUs: 1,
      },
      's',
    );
    expect(p).toEqual({
      startRate: 0,
      timeUnit: 1000,
      stages: [
        { target: 5, duration: 1000 },
        { target: 0, duration: 500 },
      ],
      preAllocatedVUs: 1,
      maxVUs: 1,
    });
    expect(e.plannedMs(p)).toBe(1500);
    expect(
      e.parse(
        { stages: [{ target: 1, duration: '1s' }], preAllocatedVUs: 1, timeUnit: '1m', startRate: 2 },
        's',
      ),
    ).toMatchObject({
      startRate: 2,
      timeUnit: 60_000,
    });
    expect(
      message(() =>
        e.parse({ stages: [{ target: 1, duration: '1s' }], preAllocatedVUs: 1, timeUnit: '0s' }, 's'),
      ),
    ).toBe("scenario 's': timeUnit must be longer than 0s");
    const refused = "scenario 's': stages must be a non-empty array of {target, duration}";
    expect(message(() => e.parse({ preAllocatedVUs: 1 }, 's'))).toBe(refused);
    expect(message(() => e.parse({ stages: [], preAllocatedVUs: 1 }, 's'))).toBe(refused);
    expect(message(() => e.parse({ stages: [{ duration: '1s' }], preAllocatedVUs: 1 }, 's'))).toBe(
      "scenario 's': stages[0].target must be a number ≥ 0",
    );
    expect(message(() => e.parse({ stages: [null], preAllocatedVUs: 1 }, 's'))).toBe(
      "scenario 's': stages[0].target must be a number ≥ 0",
    );
    expect(
      message(() =>
        e.parse(
          {
            stages: [
              { target: 1, duration: '1s' },
              { target: -1, duration: '1s' },
            ],
            preAllocatedVUs: 1,
          },
          's',
        ),
      ),
    ).toBe("scenario 's': stages[1].target must be a number ≥ 0");
    expect(message(() => e.parse({ stages: [{ target: 0, duration: '1s' }] }, 's'))).toBe(
      "scenario 's': preAllocatedVUs is required",
    );
    expect(
      message(() => e.parse({ stages: [{ target: 1, duration: 'soon' }], preAllocatedVUs: 1 }, 's')),
    ).toContain("scenario 's': stages[0].duration is not a valid duration");
    expect(
      message(() => e.parse({ stages: [{ target: 1, duration: '1s' }], preAllocatedVUs: 2, maxVUs: 1 }, 's')),
    ).toContain("maxVUs can't be less than preAllocatedVUs");
  });

  it.each(['constant-arrival-rate', 'ramping-arrival-rate'])(
    '%s: initialises preAllocatedVUs, may grow to maxVUs; a segment its share of each, striped by maxVUs',
    (name) => {
      const e = exec(name);
      const p = e.parse(
        { rate: 1, duration: '1s', stages: [{ target: 1, duration: '1s' }], preAllocatedVUs: 2, maxVUs: 6 },
        's',
      );
      expect(e.preAllocate(p, whole)).toBe(2);
      expect(e.maxVus(p, whole)).toBe(6);
      const third = seg('1/3:2/3', '0,1/3,2/3,1');
      expect(e.preAllocate(p, third)).toBe(1);
      expect(e.maxVus(p, third)).toBe(2);
      expect(e.preAllocate(p, seg('2/3:1', '0,1/3,2/3,1'))).toBe(0);
      // Re-cut by maxVUs (6, a multiple of the sequence's 3): the same tuple.
      expect(e.workTuple(p, third)).toBe(third);
      const none = e.parse(
        { rate: 1, duration: '1s', stages: [{ target: 1, duration: '1s' }], preAllocatedVUs: 0, maxVUs: 1 },
        's',
      );
      const parts = ['0:1/3', '1/3:2/3', '2/3:1'].map((s) => e.workTuple(none, seg(s, '0,1/3,2/3,1')));
      expect(parts.filter((w) => w !== undefined)).toHaveLength(1);
    },
  );
});
