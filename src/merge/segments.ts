import { HarnessError } from '../errors/index.js';

/** A non-negative rational number, exact: segments are compared without rounding. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

function fraction(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/** k6's forms of a segment bound: "1/3", "0.25", "25%", "0", "1". */
export function parseBound(text: string): Fraction {
  const s = text.trim();
  const ratio = /^(\d+)\/(\d+)$/.exec(s);
  if (ratio !== null && BigInt(ratio[2]) > 0n) return fraction(BigInt(ratio[1]), BigInt(ratio[2]));
  const decimal = /^(\d+)(?:\.(\d+))?(%?)$/.exec(s);
  if (decimal !== null) {
    const digits = decimal[2] ?? '';
    const den = 10n ** BigInt(digits.length) * (decimal[3] === '%' ? 100n : 1n);
    return fraction(BigInt(decimal[1] + digits), den);
  }
  throw new HarnessError(
    'HARNESS_ERR_SHARD_INVALID',
    `${JSON.stringify(text)} is not an execution-segment bound`,
    {
      hint: 'A shard.json segment is "from:to" with fractions (1/3), decimals (0.5) or percentages (50%), as k6 writes it.',
    },
  );
}

export const compareFractions = (a: Fraction, b: Fraction): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

export const formatFraction = (f: Fraction): string =>
  f.den === 1n ? String(f.num) : `${String(f.num)}/${String(f.den)}`;

/** A segment "from:to" (null: the whole test, 0:1). */
export interface Segment {
  readonly from: Fraction;
  readonly to: Fraction;
}

export function parseSegment(text: string | null): Segment {
  if (text === null) return { from: fraction(0n, 1n), to: fraction(1n, 1n) };
  const parts = text.split(':');
  // k6 also accepts a lone "to" (from 0).
  const [from, to] = parts.length === 1 ? [fraction(0n, 1n), parseBound(parts[0])] : parts.map(parseBound);
  if (parts.length > 2 || from === undefined || to === undefined || compareFractions(from, to) >= 0)
    throw new HarnessError(
      'HARNESS_ERR_SHARD_INVALID',
      `${JSON.stringify(text)} is not an execution segment`,
      {
        hint: 'A segment is "from:to" with 0 ≤ from < to ≤ 1, as k6 writes it.',
      },
    );
  return { from, to };
}

export const formatSegment = (s: Segment): string => `${formatFraction(s.from)}:${formatFraction(s.to)}`;

/**
 * Checks that the shards' segments tile 0..1 exactly once: sorted by start, each starts where the
 * previous ended. A gap is a missing shard; the same or an overlapping segment is a duplicate.
 * Returns the shards' indexes in segment order.
 */
export function checkCoverage(
  segments: readonly { readonly label: string; readonly segment: Segment }[],
): number[] {
  const order = segments
    .map((_, i) => i)
    .sort((a, b) => compareFractions(segments[a].segment.from, segments[b].segment.from));
  let reached = fraction(0n, 1n);
  let previous: (typeof segments)[number] | undefined;
  for (const i of order) {
    const shard = segments[i];
    const start = compareFractions(shard.segment.from, reached);
    if (start > 0)
      throw new HarnessError(
        'HARNESS_ERR_SHARD_MISSING',
        `no shard ran the segment ${formatFraction(reached)}:${formatFraction(shard.segment.from)} of the test (${segments.length} shard(s) given)`,
        { details: { uncovered: `${formatFraction(reached)}:${formatFraction(shard.segment.from)}` } },
      );
    if (start < 0 && previous !== undefined)
      throw new HarnessError(
        'HARNESS_ERR_SHARD_DUPLICATE',
        `${shard.label} (segment ${formatSegment(shard.segment)}) overlaps ${previous.label} (segment ${formatSegment(previous.segment)}): that part of the test would count twice`,
        { details: { segments: [formatSegment(previous.segment), formatSegment(shard.segment)] } },
      );
    reached = shard.segment.to;
    previous = shard;
  }
  if (compareFractions(reached, fraction(1n, 1n)) < 0)
    throw new HarnessError(
      'HARNESS_ERR_SHARD_MISSING',
      `no shard ran the segment ${formatFraction(reached)}:1 of the test (${segments.length} shard(s) given)`,
      { details: { uncovered: `${formatFraction(reached)}:1` } },
    );
  return order;
}
