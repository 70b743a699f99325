/**
 * Exact rational numbers (BigInt numerator / positive denominator, always reduced), the subset
 * of Go's big.Rat that k6's execution segments use: segment bounds like 1/3 must not round.
 */
export interface Rat {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rat(num: bigint | number, den: bigint | number = 1n): Rat {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO = rat(0);
export const ONE = rat(1);

export const add = (a: Rat, b: Rat): Rat => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rat, b: Rat): Rat => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rat, b: Rat): Rat => rat(a.num * b.num, a.den * b.den);
/** -1, 0 or 1, as Go's Cmp. */
export const cmp = (a: Rat, b: Rat): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** Go's Rat.RatString: "n" for an integer, else "n/d" — how k6 prints a segment. */
export const ratString = (r: Rat): string => (r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`);

/** Go's Rat.FloatString(2): two decimals, halves rounded away from zero (k6's error messages). */
export function floatString2(r: Rat): string {
  const scaled = abs(r.num) * 100n;
  let q = scaled / r.den;
  if ((scaled % r.den) * 2n >= r.den) q += 1n;
  const digits = q.toString().padStart(3, '0');
  return `${r.num < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Go's big.Rat.SetString: "a/b", an integer, or a decimal with an optional exponent; undefined if not. */
export function parseRat(text: string): Rat | undefined {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  if (fraction !== null) {
    const den = BigInt(fraction[2] ?? '0');
    return den === 0n ? undefined : rat(BigInt(fraction[1] ?? '0'), den);
  }
  const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (decimal === null) return undefined;
  const [, sign = '', whole = '', frac = '', exp = '0'] = decimal;
  if (whole === '' && frac === '') return undefined;
  const digits = BigInt(`${sign}${whole}${frac}`);
  const shift = Number(exp) - frac.length;
  if (Math.abs(shift) > 1000) return undefined;
  return shift >= 0 ? rat(digits * 10n ** BigInt(shift)) : rat(digits, 10n ** BigInt(-shift));
}
