/**
 * Number formatting for the text summary, as k6 v2.2.0's end-of-test summary formats values
 * (its humanizeValue): durations and rates are truncated, not rounded, so a p(95) of 199.999ms
 * reads "199.99ms" under a `p(95)<200` threshold, never "200ms".
 */

/** `value` with at most `decimals` decimals, trailing zeros dropped ("1.50" → "1.5", "2.00" → "2"). */
function fixedNoZeros(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** As fixedNoZeros, cutting the digits beyond `decimals` off instead of rounding them. */
function truncatedNoZeros(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  return fixedNoZeros(Math.trunc(value * scale) / scale, decimals);
}

/** The units k6 accepts as summaryTimeUnit; any other value means "choose per value". */
const FIXED_UNITS: Readonly<Record<string, { readonly perMs: number; readonly label: string }>> = {
  s: { perMs: 0.001, label: 's' },
  ms: { perMs: 1, label: 'ms' },
  us: { perMs: 1000, label: 'µs' },
};

/** Milliseconds → "0s", "450ns", "12.25µs", "144.56ms", "1.35s", "1m2s", "2h1m5s" (each part truncated). */
function genericDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0.001) return `${Math.trunc(ms * 1e6)}ns`;
  if (ms < 1) return `${truncatedNoZeros(ms * 1000, 2)}µs`;
  if (ms < 1000) return `${truncatedNoZeros(ms, 2)}ms`;
  // Above a minute the seconds lose their decimals: "1m1s", not "1m1.23s".
  const seconds = `${truncatedNoZeros((ms % 60_000) / 1000, ms > 60_000 ? 0 : 2)}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 1) return seconds;
  const hours = Math.trunc(minutes / 60);
  return `${hours < 1 ? '' : `${hours}h`}${minutes % 60}m${seconds}`;
}

/** Milliseconds in the summaryTimeUnit ("1500.00ms", always two decimals) or, without one, per value. */
export function humanizeDuration(ms: number, unit = ''): string {
  const fixed = FIXED_UNITS[unit];
  if (fixed !== undefined) return `${(ms * fixed.perMs).toFixed(2)}${fixed.label}`;
  return genericDuration(ms);
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** Bytes → "9 B", "950 B", "1.3 MB", "81 kB" (SI units; one decimal below 10 after rounding). */
export function humanizeBytes(bytes: number): string {
  if (bytes < 10) return `${bytes} B`;
  const e = Math.floor(Math.log(bytes) / Math.log(1000));
  const value = Math.floor((bytes / 1000 ** e) * 10 + 0.5) / 10;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[e]}`;
}

/** A plain number with up to six decimals, trailing zeros dropped. */
export function humanizeNumber(value: number): string {
  return fixedNoZeros(value, 6);
}

/** A Rate as a percentage with two decimals, truncated: 2 of 3 is "66.66%". */
export function humanizeRate(rate: number): string {
  return `${(Math.trunc(rate * 100 * 100) / 100).toFixed(2)}%`;
}

export function humanizeValue(value: number, contains: string, timeUnit = ''): string {
  if (contains === 'time') return humanizeDuration(value, timeUnit);
  if (contains === 'data') return humanizeBytes(value);
  return humanizeNumber(value);
}
