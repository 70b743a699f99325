import { HarnessError } from '../../../errors/index.js';
import {
  WHOLE_SEGMENT,
  executionSegment,
  sameSegment,
  segmentString,
  sequenceString,
  type ExecutionSegment,
  type ExecutionSegmentSequence,
} from './execution-segment.js';
import { ONE, ZERO, cmp, rat } from './rational.js';

/** k6's GetFilledExecutionSegmentSequence: the sequence (or the lone segment) padded to cover 0..1. */
export function filledSequence(
  sequence: ExecutionSegmentSequence | undefined,
  segment: ExecutionSegment | undefined,
): ExecutionSegmentSequence {
  if (sequence === undefined || sequence.length === 0) {
    if (segment === undefined || cmp(segment.length, ONE) === 0) return [WHOLE_SEGMENT];
    sequence = [segment];
  }
  const first = sequence[0];
  const last = sequence[sequence.length - 1];
  return [
    ...(cmp(first.from, ZERO) === 0 ? [] : [executionSegment(ZERO, first.from)]),
    ...sequence,
    ...(cmp(last.to, ONE) === 0 ? [] : [executionSegment(last.to, ONE)]),
  ];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * k6's ExecutionSegmentSequenceWrapper: a full sequence plus its "striped offsets". Elements
 * 0, 1, 2, … (VUs, iterations, arrival ticks) are dealt to the segments in a cycle of `lcd`
 * elements, each segment taking its length's share as evenly spaced as possible; offsets[i] is
 * [first element of segment i, distance to its next, …, distance back to the first + lcd].
 */
export class SequenceWrapper {
  readonly lcd: number;
  readonly offsets: readonly (readonly number[])[];

  constructor(readonly sequence: ExecutionSegmentSequence) {
    this.lcd = sequence.reduce((acc, s) => {
      const d = Number(s.length.den);
      return acc % d === 0 ? acc : (acc * d) / gcd(acc, d);
    }, 1);
    const norm = sequence.map((s, i) => ({
      numerator: Number(s.length.num) * (this.lcd / Number(s.length.den)),
      index: i,
    }));
    const offsets: number[][] = sequence.map(() => []);
    // Biggest segments first (a stable sort, as Go's sort.SliceStable): they are the hardest to space out.
    const sorted = [...norm].sort((a, b) => b.numerator - a.numerator);
    const prev = sequence.map(() => 0);
    const chosen = sorted.map(() => 0);
    for (let i = 0; i < this.lcd; i++) {
      for (let s = 0; s < sorted.length; s++) {
        const { numerator: denom, index } = sorted[s];
        const num = chosen[s] * this.lcd;
        const q = Math.floor(num / denom);
        if (i > q || (i === q && num % denom === 0)) {
          chosen[s]++;
          const list = offsets[index];
          list.push(i - prev[index]);
          prev[index] = i;
          if (list.length === denom) list.push(list[0] + this.lcd - i);
          break;
        }
      }
    }
    this.offsets = offsets;
  }

  /** How many of the elements 0..value-1 belong to segment `index` (k6's ScaleInt64). */
  scale(index: number, value: number): number {
    const [start = 0, ...steps] = this.offsets[index] ?? [];
    let result = Math.floor(value / this.lcd) * steps.length;
    for (let gi = 0, i = start; i < value % this.lcd; i += steps[gi], gi++) result++;
    return result;
  }
}

/** k6's ExecutionTuple: the segment this instance runs, and where it sits in its sequence. */
export class ExecutionTuple {
  constructor(
    readonly wrapper: SequenceWrapper,
    readonly index: number,
  ) {}

  get segment(): ExecutionSegment {
    return this.wrapper.sequence[this.index];
  }

  /** This segment's share of `value` whole things (VUs), so that the shares of all segments add up to it. */
  scale(value: number): number {
    return this.wrapper.sequence.length === 1 ? value : this.wrapper.scale(this.index, value);
  }

  /** [first element, steps…] of this segment's stripe, repeating every `lcd` elements. */
  stripe(): { start: number; steps: readonly number[]; lcd: number } {
    const [start = 0, ...steps] = this.wrapper.offsets[this.index] ?? [];
    return { start, steps, lcd: this.wrapper.lcd };
  }

  /**
   * k6's GetNewExecutionTupleFromValue: the sequence re-cut so each segment's length is its
   * share of `value` (empty segments dropped). Executors re-cut by their VUs (shared-iterations)
   * or maxVUs (arrival rates) so iterations follow the VUs. Undefined: this segment gets none.
   */
  rescaled(value: number): ExecutionTuple | undefined {
    if (value < 1) return undefined;
    if (value % this.wrapper.lcd === 0) return this;
    const segments: ExecutionSegment[] = [];
    let prev = 0;
    let newIndex: number | undefined;
    this.wrapper.sequence.forEach((_s, i) => {
      const share = this.wrapper.scale(i, value);
      if (share === 0) return;
      if (i === this.index) newIndex = segments.length;
      segments.push(executionSegment(rat(prev, value), rat(prev + share, value)));
      prev += share;
    });
    return newIndex === undefined ? undefined : new ExecutionTuple(new SequenceWrapper(segments), newIndex);
  }
}

/** k6's NewExecutionTuple: the run's segment within its (filled) sequence. */
export function executionTuple(
  segment: ExecutionSegment | undefined,
  sequence: ExecutionSegmentSequence | undefined,
): ExecutionTuple {
  const filled = filledSequence(sequence, segment);
  const index = filled.findIndex((s) => sameSegment(s, segment));
  if (index < 0)
    throw new HarnessError(
      'HARNESS_ERR_EXECUTION_SEGMENT',
      `couldn't find segment ${segmentString(segment)} in sequence ${sequenceString(filled)}`,
    );
  return new ExecutionTuple(new SequenceWrapper(filled), index);
}
