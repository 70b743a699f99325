import type { ExecutionTuple } from './execution-tuple.js';

/**
 * k6's SegmentedIndex: counts this segment's elements (scaled: 1, 2, 3, …) alongside their
 * place among the whole test's (unscaled). VU ids (idInInstance / idInTest) and scenario
 * iterations (iterationInInstance / iterationInTest) are such pairs; both start at 1 here.
 */
export class SegmentedIndex {
  private scaled = 0;
  private unscaled = 0;
  private readonly start: number;
  private readonly steps: readonly number[];

  constructor(tuple: ExecutionTuple) {
    ({ start: this.start, steps: this.steps } = tuple.stripe());
  }

  next(): { scaled: number; unscaled: number } {
    this.unscaled += this.scaled === 0 ? this.start + 1 : this.steps[(this.scaled - 1) % this.steps.length];
    this.scaled++;
    return { scaled: this.scaled, unscaled: this.unscaled };
  }
}

/** The whole-test indices (from 0) of this segment's elements, in order, without end. */
export function* stripedIndices(tuple: ExecutionTuple): Generator<number, never> {
  const index = new SegmentedIndex(tuple);
  for (;;) yield index.next().unscaled - 1;
}
