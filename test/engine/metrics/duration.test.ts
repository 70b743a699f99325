import { describe, expect, it } from 'vitest';
import { parseDurationMs } from '../../../src/engine/metrics/duration.js';
import { createMetricsEngine } from '../../../src/engine/metrics/index.js';

/**
 * Durations as k6 v2.2.0 reads a threshold's delayAbortEval. Recorded from real k6 v2.2.0 runs
 * (2026-11-30): every accepted text came back in the JSON output's Metric line as Go prints the
 * duration (shown after each row); every refused one stopped k6 with exit 104 before the test.
 */
const ACCEPTED: readonly (readonly [string, number, string])[] = [
  ['.5s', 500, '500ms'],
  ['1d', 86_400_000, '24h0m0s'],
  ['1d12h', 129_600_000, '36h0m0s'],
  ['-1s', -1000, '-1s'],
  ['+2s', 2000, '2s'],
  ['1e3', 1000, '1s'],
  ['1.s', 1000, '1s'],
  ['1500', 1500, '1.5s'],
  ['1h1.5m', 3_690_000, '1h1m30s'],
  ['2\u03bcs', 0.002, '2µs'],
  ['2\u00b5s', 0.002, '2µs'],
  ['-1d2h', -93_600_000, '-26h0m0s'],
  ['0', 0, '0s'],
  ['1.5', 1.5, '1.5ms'],
  ['90061999', 90_061_999, '25h1m1.999s'],
];
const REFUSED = [' 10s', '10s ', '1d-2h', '1h1', '.s', '1x', '1.5d', 'd', '', '0x10', '1e400'];

describe('k6 durations (delayAbortEval)', () => {
  it('reads what k6 reads: Go durations, a number of ms, whole days first, a sign', () => {
    expect(ACCEPTED.map(([text]) => parseDurationMs(text))).toEqual(ACCEPTED.map(([, ms]) => ms));
  });

  it('refuses what k6 refuses: spaces, a missing or unknown unit, fractional days, a negative part after days', () => {
    expect(REFUSED.map((text) => [text, parseDurationMs(text)])).toEqual(REFUSED.map((text) => [text, null]));
  });

  it('the common forms, each unit', () => {
    const cases: [string, number][] = [
      ['10s', 10_000],
      ['1m30s', 90_000],
      ['500ms', 500],
      ['1.5h', 5_400_000],
      ['250us', 0.25],
      ['100ns', 0.0001],
      ['2h3m4s5ms6us7ns', 7_384_005.006007],
    ];
    for (const [text, ms] of cases) expect(parseDurationMs(text)).toBeCloseTo(ms, 9);
  });

  // From k6 v2.2.0's ParseExtendedDuration and Go's time.ParseDuration (not each run through k6):
  // strconv.ParseFloat's sign, decimals and exponents; any number of days; "0" after the days.
  it('plain numbers in every form ParseFloat reads, multi-digit days, and a bad part after the days', () => {
    const cases: [string, number | null][] = [
      ['-5', -5],
      ['+5', 5],
      ['12.5', 12.5],
      ['.25', 0.25],
      ['1e-3', 0.001],
      ['1e10', 1e10],
      ['12d', 12 * 86_400_000],
      ['0d1h', 3_600_000],
      ['1d0', 86_400_000],
      ['1d1x', null],
    ];
    expect(cases.map(([text]) => [text, parseDurationMs(text)])).toEqual(cases);
  });

  it('a number is milliseconds; NaN and infinities are no duration', () => {
    expect(parseDurationMs(1500)).toBe(1500);
    expect(parseDurationMs(-5)).toBe(-5);
    for (const n of [Number.NaN, Infinity, -Infinity]) expect(parseDurationMs(n)).toBeNull();
  });

  it('a threshold whose delayAbortEval k6 would refuse is refused before the test runs', () => {
    const engine = createMetricsEngine();
    engine.define('my_rate', 'rate');
    for (const delayAbortEval of [' 10s', '1h1', '1.5d'])
      expect(() =>
        engine.setThresholds({ my_rate: [{ threshold: 'rate>0', abortOnFail: true, delayAbortEval }] }),
      ).toThrow(/delayAbortEval/);
    // "1500" is 1.5 s, so a failing threshold aborts at 1.5 s and not before.
    engine.setThresholds({ my_rate: [{ threshold: 'rate>0.5', abortOnFail: true, delayAbortEval: '1500' }] });
    engine.add({ metric: 'my_rate', time: 0, value: 0, tags: {} });
    expect(engine.evaluateThresholds(1499).abort).toBe(false);
    expect(engine.evaluateThresholds(1500).abort).toBe(true);
  });
});
