/** Go's time.ParseDuration units; both micro signs (U+00B5, U+03BC) as Go accepts them. */
const UNIT_MS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  '\u00b5s': 0.001,
  '\u03bcs': 0.001,
  ns: 0.000001,
};

/** What strconv.ParseFloat reads as a plain decimal number: k6 takes it as milliseconds. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Go's time.ParseDuration: an optional sign, then number+unit parts ("1h2m3.5s", ".5s", "-1m"). */
function goDuration(text: string): number | null {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = /^[+-]/.test(text) ? text.slice(1) : text;
  if (body === '0') return 0;
  // Each part: digits with an optional fraction (a digit on one side of the dot at least), then
  // everything up to the next digit or dot as its unit, which must be one Go knows.
  const part = /(\d*(?:\.\d*)?)([^\d.]*)/y;
  let total = 0;
  let at = 0;
  while (at < body.length) {
    part.lastIndex = at;
    const match = part.exec(body)!;
    const [, number, unit] = match;
    const ms = UNIT_MS[unit];
    if (!/\d/.test(number) || ms === undefined) return null;
    total += Number(number) * ms;
    at = part.lastIndex;
  }
  return body === '' ? null : sign * total;
}

/**
 * Parses a k6 duration as k6 v2.2.0 reads one (types.ParseExtendedDuration): a plain number is
 * milliseconds ("1500" → 1500), a leading whole number of days may come first ("1d12h"), the rest
 * is Go's time.ParseDuration syntax ("10s", "1m30s", ".5s", "-1s"); no surrounding spaces. A number
 * is milliseconds too. Returns null when the input is not a duration.
 */
export function parseDurationMs(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  // Out of a double's range ("1e400") k6's ParseFloat fails and the text is no Go duration either.
  if (PLAIN_NUMBER.test(input)) return Number.isFinite(Number(input)) ? Number(input) : null;
  const d = input.indexOf('d');
  if (d < 0) return goDuration(input);
  if (!/^[+-]?\d+$/.test(input.slice(0, d))) return null;
  const days = Number(input.slice(0, d));
  const rest = d + 1 < input.length ? goDuration(input.slice(d + 1)) : 0;
  // k6 refuses a negative part after the days ("1d-2h"); a negative day count negates it.
  if (rest === null || rest < 0) return null;
  return days * 86_400_000 + (days < 0 ? -rest : rest);
}
