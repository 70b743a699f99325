/** Number formatting for the text summary, in the style of k6's end-of-test output. */

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

const TIME_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds → "0s", "12.25µs", "144.56ms", "1.35s", "1m2s"; a fixed unit when summaryTimeUnit is set. */
export function humanizeDuration(ms: number, unit = ''): string {
  const fixed = TIME_UNITS[unit];
  if (fixed !== undefined) return `${trim((ms / fixed).toFixed(2))}${unit === 'us' ? 'µs' : unit}`;
  const abs = Math.abs(ms);
  if (abs === 0) return '0s';
  if (abs >= 60_000) {
    const minutes = Math.trunc(ms / 60_000);
    return `${minutes}m${trim(((ms - minutes * 60_000) / 1000).toFixed(1))}s`;
  }
  if (abs >= 1000) return `${trim((ms / 1000).toFixed(2))}s`;
  if (abs >= 1) return `${trim(ms.toFixed(2))}ms`;
  if (abs >= 0.001) return `${trim((ms * 1000).toFixed(2))}µs`;
  return `${trim((ms * 1e6).toFixed(2))}ns`;
}

/** Bytes → "812 B", "1.3 MB", "81 kB" (SI units, as k6 prints data). */
export function humanizeBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  if (Math.abs(bytes) < 1000) return `${trim(bytes.toFixed(0))} B`;
  const e = Math.min(Math.floor(Math.log(Math.abs(bytes)) / Math.log(1000)), units.length - 1);
  const value = bytes / 1000 ** e;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[e]}`;
}

export function humanizeNumber(value: number): string {
  return trim(value.toFixed(6));
}

export function humanizeValue(value: number, contains: string, timeUnit = ''): string {
  if (contains === 'time') return humanizeDuration(value, timeUnit);
  if (contains === 'data') return humanizeBytes(value);
  return humanizeNumber(value);
}
