import { HarnessError } from '../../../errors/index.js';
import { ONE, ZERO, cmp, floatString2, parseRat, rat, ratString, sub, type Rat } from './rational.js';

/** k6's ExecutionSegment: the part (from, to] of a test's work one instance runs, 0 ≤ from < to ≤ 1. */
export interface ExecutionSegment {
  readonly from: Rat;
  readonly to: Rat;
  readonly length: Rat;
}

/** Ordered, contiguous segments: "r1,r2,…,rn" is (r1,r2], (r2,r3], … (k6's ExecutionSegmentSequence). */
export type ExecutionSegmentSequence = readonly ExecutionSegment[];

const invalid = (message: string): HarnessError =>
  new HarnessError('HARNESS_ERR_EXECUTION_SEGMENT', message, {
    hint: 'Write a segment as k6 does: "from:to" or just "to" (from 0), each a fraction (1/3), decimal (0.5) or percentage (50%), with 0 ≤ from < to ≤ 1; a sequence as points "0,1/3,2/3,1". Run the segments of one test with the same --execution-segment-sequence.',
  });

/** The segment (from, to], validated with k6's messages (lib.NewExecutionSegment). */
export function executionSegment(from: Rat, to: Rat): ExecutionSegment {
  if (cmp(from, ZERO) < 0)
    throw invalid(`segment start value must be at least 0 but was ${floatString2(from)}`);
  if (cmp(from, to) >= 0)
    throw invalid(`segment start(${floatString2(from)}) must be less than its end(${floatString2(to)})`);
  if (cmp(to, ONE) > 0) throw invalid(`segment end value can't be more than 1 but was ${floatString2(to)}`);
  return { from, to, length: sub(to, from) };
}

export const WHOLE_SEGMENT: ExecutionSegment = { from: ZERO, to: ONE, length: ONE };

/** k6's stringToRat: a percentage ("25%"), or anything Go's big.Rat reads ("1/4", "0.25"). */
function parsePoint(text: string): Rat {
  if (text.endsWith('%')) {
    const whole = text.slice(0, -1);
    if (!/^[+-]?\d+$/.test(whole)) throw invalid(`'${text}' is not a valid percentage`);
    return rat(BigInt(whole), 100n);
  }
  const r = parseRat(text);
  if (r === undefined)
    throw invalid(`'${text}' is not a valid percentage, decimal, fraction or interval value`);
  return r;
}

/** `--execution-segment`: "from:to", or "to" alone (from 0); empty is the whole test (0:1). */
export function parseExecutionSegment(text: string): ExecutionSegment {
  const colon = text.indexOf(':');
  const from = colon < 0 ? ZERO : parsePoint(text.slice(0, colon));
  return executionSegment(from, parsePoint(text === '' ? '1' : text.slice(colon + 1)));
}

/** `--execution-segment-sequence`: "r1,r2,…,rn" (at least 2 points); empty is no sequence. */
export function parseExecutionSegmentSequence(text: string): ExecutionSegmentSequence | undefined {
  if (text === '') return undefined;
  const points = text.split(',');
  if (points.length < 2)
    throw invalid(`at least 2 points are needed for an execution segment sequence, ${points.length} given`);
  const rats = points.map(parsePoint);
  return rats.slice(1).map((to, i) => executionSegment(rats[i] ?? ZERO, to));
}

export const segmentString = (s: ExecutionSegment | undefined): string =>
  s === undefined ? '0:1' : `${ratString(s.from)}:${ratString(s.to)}`;

export const sequenceString = (seq: ExecutionSegmentSequence): string =>
  seq.length === 0 ? '' : [seq[0].from, ...seq.map((s) => s.to)].map(ratString).join(',');

export const sameSegment = (a: ExecutionSegment | undefined, b: ExecutionSegment | undefined): boolean => {
  const [x, y] = [a ?? WHOLE_SEGMENT, b ?? WHOLE_SEGMENT];
  return cmp(x.from, y.from) === 0 && cmp(x.to, y.to) === 0;
};

/** k6's Options.Validate: with a sequence, the segment (0:1 when none) must be one of its segments. */
export function checkSegmentInSequence(
  segment: ExecutionSegment | undefined,
  sequence: ExecutionSegmentSequence | undefined,
): void {
  if (sequence === undefined || sequence.some((s) => sameSegment(s, segment))) return;
  throw new HarnessError(
    'HARNESS_ERR_EXECUTION_SEGMENT',
    `There were problems with the specified script configuration:\n\t- provided segment ${segmentString(segment)} can't be found in sequence ${sequenceString(sequence)}`,
    {
      hint: 'Pass one of the sequence\'s segments as --execution-segment, e.g. "0:1/3" for the sequence "0,1/3,2/3,1".',
    },
  );
}
