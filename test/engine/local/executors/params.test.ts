import { describe, expect, it } from 'vitest';
import {
  atLeastOneSecond,
  durationField,
  goDuration,
  intField,
  maxVusField,
  positiveDuration,
} from '../../../../src/engine/local/executors/params.js';

/** The HarnessError a call throws, as code and message (undefined when it does not throw). */
function refusal(f: () => unknown): { code: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  return undefined;
}
const k6Config = (why: string) => ({
  code: 'HARNESS_ERR_ENGINE_OPTIONS',
  message: `There were problems with the specified script configuration:\n\t- scenario s has configuration errors: ${why}`,
});

describe('goDuration: durations as Go prints them in k6 messages', () => {
  it.each([
    [0, '0s'],
    [0.0005, '500ns'],
    [0.001, '1µs'],
    [0.0015, '1.5µs'],
    [0.5, '500µs'],
    [1, '1ms'],
    [500, '500ms'],
    [999.5, '999.5ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [59_000, '59s'],
    [60_000, '1m0s'],
    [90_000, '1m30s'],
    [3_600_000, '1h0m0s'],
    [3_723_500, '1h2m3.5s'],
  ])('%s ms → %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});

describe('atLeastOneSecond: k6 refuses durations below 1 s (exit 104) in its own words', () => {
  it('accepts 1 s and more, and the fallback when absent', () => {
    expect(atLeastOneSecond({ duration: '1s' }, 'duration', 's', undefined)).toBe(1000);
    expect(atLeastOneSecond({}, 'maxDuration', 's', '10m')).toBe(600_000);
  });
  it('refuses an unspecified duration', () => {
    expect(refusal(() => atLeastOneSecond({}, 'duration', 's', undefined))).toEqual(
      k6Config('the duration is unspecified'),
    );
  });
  it('refuses 999 ms, quoting 1s and the value as Go prints them', () => {
    expect(refusal(() => atLeastOneSecond({ duration: '999ms' }, 'duration', 's', undefined))).toEqual(
      k6Config('the duration must be at least 1s, but is 999ms'),
    );
    expect(refusal(() => atLeastOneSecond({ maxDuration: '0.5s' }, 'maxDuration', 's', '10m'))).toEqual(
      k6Config('the maxDuration must be at least 1s, but is 500ms'),
    );
  });
});

describe('intField: whole numbers', () => {
  it('takes the value, or the fallback when absent', () => {
    expect(intField({ vus: 3 }, 'vus', 's', 1)).toBe(3);
    expect(intField({}, 'vus', 's', 1)).toBe(1);
    expect(intField({ n: 0 }, 'n', 's', undefined, 0)).toBe(0);
  });
  it('refuses a missing required field', () => {
    expect(refusal(() => intField({}, 'rate', 's', undefined))).toEqual({
      code: 'HARNESS_ERR_ENGINE_OPTIONS',
      message: "scenario 's': rate is required",
    });
  });
  it.each([
    [0, 1, '0'],
    [-1, 0, '-1'],
    [1.5, 1, '1.5'],
    ['3', 1, '"3"'],
  ])('refuses %j with min %d', (v, min, shown) => {
    expect(refusal(() => intField({ vus: v }, 'vus', 's', 1, min))).toEqual({
      code: 'HARNESS_ERR_ENGINE_OPTIONS',
      message: `scenario 's': vus must be a whole number ≥ ${min}, got ${shown}`,
    });
  });
});

describe('durations', () => {
  it('durationField reads a k6 duration, or the fallback, and requires one without fallback', () => {
    expect(durationField({ t: '1m30s' }, 't', 's', undefined)).toBe(90_000);
    expect(durationField({}, 't', 's', '2s')).toBe(2000);
    expect(refusal(() => durationField({ t: 'soon' }, 't', 's', undefined))).toEqual({
      code: 'HARNESS_ERR_ENGINE_OPTIONS',
      message: `scenario 's': t is not a valid duration: "soon"`,
    });
    expect(refusal(() => durationField({}, 't', 's', undefined))).toEqual({
      code: 'HARNESS_ERR_ENGINE_OPTIONS',
      message: "scenario 's': t is required",
    });
  });
  // `k6 inspect` (v2.2.0) on duration '1500' prints "duration": "1.5s"; ' 1s' is "time: invalid duration".
  it("reads a scenario's durations as k6 does: a plain numeric string is ms, days first, no spaces", () => {
    expect(durationField({ t: '1500' }, 't', 's', undefined)).toBe(1500);
    expect(durationField({ t: 2500 }, 't', 's', undefined)).toBe(2500);
    expect(durationField({ t: '1d12h' }, 't', 's', undefined)).toBe(36 * 3_600_000);
    expect(durationField({ t: '.5s' }, 't', 's', undefined)).toBe(500);
    for (const text of [' 1s', '-1s', '1s '])
      expect(refusal(() => durationField({ t: text }, 't', 's', undefined))).toEqual({
        code: 'HARNESS_ERR_ENGINE_OPTIONS',
        message: `scenario 's': t is not a valid duration: ${JSON.stringify(text)}`,
      });
  });
  it('positiveDuration refuses 0s and accepts the smallest positive one', () => {
    expect(refusal(() => positiveDuration({ timeUnit: '0s' }, 'timeUnit', 's', '1s'))).toEqual({
      code: 'HARNESS_ERR_ENGINE_OPTIONS',
      message: "scenario 's': timeUnit must be longer than 0s",
    });
    expect(positiveDuration({ timeUnit: '1ns' }, 'timeUnit', 's', '1s')).toBe(1e-6);
    expect(positiveDuration({}, 'timeUnit', 's', '1s')).toBe(1000);
  });
});

describe('maxVusField: the arrival rates’ VU ceiling', () => {
  it('defaults to preAllocatedVUs, and may equal or exceed it', () => {
    expect(maxVusField({}, 's', 4)).toBe(4);
    expect(maxVusField({ maxVUs: 4 }, 's', 4)).toBe(4);
    expect(maxVusField({ maxVUs: 9 }, 's', 4)).toBe(9);
  });
  it("refuses fewer than preAllocatedVUs as k6 v2.2.0 does: maxVUs can't be less than preAllocatedVUs", () => {
    expect(refusal(() => maxVusField({ maxVUs: 2 }, 's', 3))).toEqual(
      k6Config("maxVUs can't be less than preAllocatedVUs"),
    );
  });
});
