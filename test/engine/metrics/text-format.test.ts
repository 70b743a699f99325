import { describe, expect, it } from 'vitest';
import {
  humanizeBytes,
  humanizeDuration,
  humanizeNumber,
  humanizeRate,
  humanizeValue,
} from '../../../src/engine/metrics/text-format.js';

/**
 * The numbers of the end-of-test summary, as k6 v2.2.0 prints them. Recorded from a real k6 v2.2.0
 * run (2026-11-30): a script with one single-sample Trend per value (`new Trend(name, true)` for the
 * durations, a plain Trend for the numbers) and Rates of known counts, `summaryTrendStats: ['max']`,
 * run without `--summary-time-unit` and with `s`, `ms` and `us`; each row is the value k6 printed.
 */
const DURATIONS: readonly (readonly [ms: number, auto: string, s: string, msUnit: string, us: string])[] = [
  [0, '0s', '0.00s', '0.00ms', '0.00µs'],
  [4e-7, '0ns', '0.00s', '0.00ms', '0.00µs'],
  [9.99e-7, '0ns', '0.00s', '0.00ms', '0.00µs'],
  [-5, '-5000000ns', '-0.01s', '-5.00ms', '-5000.00µs'],
  [0.0004567, '456ns', '0.00s', '0.00ms', '0.46µs'],
  [0.0129999, '12.99µs', '0.00s', '0.01ms', '13.00µs'],
  [0.999999, '999.99µs', '0.00s', '1.00ms', '1000.00µs'],
  [1.239, '1.23ms', '0.00s', '1.24ms', '1239.00µs'],
  [1.005, '1ms', '0.00s', '1.00ms', '1005.00µs'],
  [199.999, '199.99ms', '0.20s', '200.00ms', '199999.00µs'],
  [999.999, '999.99ms', '1.00s', '1000.00ms', '999999.00µs'],
  [1000, '1s', '1.00s', '1000.00ms', '1000000.00µs'],
  [1000.5, '1s', '1.00s', '1000.50ms', '1000500.00µs'],
  [1234.5678, '1.23s', '1.23s', '1234.57ms', '1234567.80µs'],
  [59999.999, '59.99s', '60.00s', '60000.00ms', '59999999.00µs'],
  [60000, '1m0s', '60.00s', '60000.00ms', '60000000.00µs'],
  [60000.5, '1m0s', '60.00s', '60000.50ms', '60000500.00µs'],
  [61234.5, '1m1s', '61.23s', '61234.50ms', '61234500.00µs'],
  [3599999, '59m59s', '3600.00s', '3599999.00ms', '3599999000.00µs'],
  [3600000, '1h0m0s', '3600.00s', '3600000.00ms', '3600000000.00µs'],
  [7265432.1, '2h1m5s', '7265.43s', '7265432.10ms', '7265432100.00µs'],
  [90061999, '25h1m1s', '90062.00s', '90061999.00ms', '90061999000.00µs'],
];

const NUMBERS: readonly (readonly [number, string])[] = [
  [0, '0'],
  [0.1234567, '0.123457'],
  [1234567.891, '1234567.891'],
  [-2, '-2'],
  [1e-7, '0'],
  [5e-7, '0'],
  [0.0000015, '0.000002'],
  [3.14159265, '3.141593'],
  [100, '100'],
  [1e21, '1e+21'],
  [123456789012345680000, '123456789012345680000'],
  [-0.0000001, '0'],
];

/** [trues, total, printed]: k6 cuts the third decimal off, it does not round. */
const RATES: readonly (readonly [number, number, string])[] = [
  [2, 3, '66.66%'],
  [1, 3, '33.33%'],
  [0, 1, '0.00%'],
  [1, 1, '100.00%'],
  [9999, 10000, '99.99%'],
  [1, 7, '14.28%'],
];

describe('end-of-test summary numbers, as k6 v2.2.0 prints them', () => {
  it('durations without summaryTimeUnit: the unit chosen per value, digits truncated, h/m/s above a minute', () => {
    expect(DURATIONS.map(([ms]) => humanizeDuration(ms))).toEqual(DURATIONS.map(([, auto]) => auto));
  });

  // From k6 v2.2.0's humanizeGenericDuration: nanoseconds strictly below one microsecond.
  it('one microsecond exactly reads 1µs, just below it nanoseconds', () => {
    expect(humanizeDuration(0.001)).toBe('1µs');
    expect(humanizeDuration(0.000_999_9)).toBe('999ns');
  });

  it('durations with summaryTimeUnit s, ms or us: that unit with exactly two decimals, rounded', () => {
    expect(DURATIONS.map(([ms]) => humanizeDuration(ms, 's'))).toEqual(DURATIONS.map((row) => row[2]));
    expect(DURATIONS.map(([ms]) => humanizeDuration(ms, 'ms'))).toEqual(DURATIONS.map((row) => row[3]));
    expect(DURATIONS.map(([ms]) => humanizeDuration(ms, 'us'))).toEqual(DURATIONS.map((row) => row[4]));
  });

  it('a summaryTimeUnit k6 does not know (m, h, ns, µs) formats per value, as with none', () => {
    for (const unit of ['m', 'h', 'ns', 'µs', 'bogus'])
      expect(DURATIONS.map(([ms]) => humanizeDuration(ms, unit))).toEqual(DURATIONS.map(([, auto]) => auto));
  });

  it('plain numbers: up to six decimals, rounded, trailing zeros and a negative zero dropped', () => {
    expect(NUMBERS.map(([v]) => humanizeNumber(v))).toEqual(NUMBERS.map(([, text]) => text));
  });

  it('rates: a percentage with two decimals, truncated (2 of 3 is 66.66 %, never 66.67 %)', () => {
    expect(RATES.map(([t, n]) => humanizeRate(t / n))).toEqual(RATES.map(([, , text]) => text));
  });

  // From k6 v2.2.0's humanizeBytes (internal/js/summary.js): raw below 10 bytes, SI units of 1000,
  // rounded half up to one decimal, and that decimal dropped from 10 on (after rounding).
  it('bytes: raw below 10, then SI units with one decimal under 10 and none from 10', () => {
    const cases: [number, string][] = [
      [0, '0 B'],
      [9, '9 B'],
      [9.5, '9.5 B'],
      [-2000, '-2000 B'],
      [10, '10 B'],
      [147, '147 B'],
      [999.4, '999 B'],
      [1000, '1.0 kB'],
      [1249, '1.2 kB'],
      [1250, '1.3 kB'],
      [9949, '9.9 kB'],
      [9960, '10 kB'],
      [12687, '13 kB'],
      [540_123, '540 kB'],
      [1_300_000, '1.3 MB'],
      [5e12, '5.0 TB'],
      [2.5e15, '2.5 PB'],
      [3.2e9, '3.2 GB'],
      [2e18, '2.0 EB'],
      [3e21, '3.0 ZB'],
      [4e24, '4.0 YB'],
    ];
    expect(cases.map(([b]) => humanizeBytes(b))).toEqual(cases.map(([, text]) => text));
  });

  it('humanizeValue picks the format by what the metric contains', () => {
    expect(humanizeValue(61234.5, 'time')).toBe('1m1s');
    expect(humanizeValue(61234.5, 'time', 's')).toBe('61.23s');
    expect(humanizeValue(12687, 'data')).toBe('13 kB');
    expect(humanizeValue(61234.5, 'default')).toBe('61234.5');
  });
});
