import { describe, expect, it } from 'vitest';
import {
  SegmentedIndex,
  executionTuple,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  stripedIndices,
  type ExecutionTuple,
} from '../../../src/engine/local/segments/index.js';

const take = (tuple: ExecutionTuple, n: number): number[] => {
  const it = stripedIndices(tuple);
  return Array.from({ length: n }, () => it.next().value);
};

const tuplesOf = (points: string): ExecutionTuple[] => {
  const sequence = parseExecutionSegmentSequence(points)!;
  return sequence.map((_s, i) => {
    const [from, to] = points.split(',').slice(i, i + 2);
    return executionTuple(parseExecutionSegment(`${from}:${to}`), sequence);
  });
};

describe("k6's striped offsets (lib/execution_segment.go)", () => {
  it("deals elements and scales values as k6's own documentation table for 0,1/2,3/4,1", () => {
    const [half, quarter2, quarter3] = tuplesOf('0,1/2,3/4,1');
    expect(take(half, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(take(quarter2, 3)).toEqual([1, 5, 9]);
    expect(take(quarter3, 3)).toEqual([3, 7, 11]);
    const values = Array.from({ length: 12 }, (_v, i) => i + 1);
    expect(values.map((v) => half.scale(v))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    expect(values.map((v) => quarter2.scale(v))).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
    expect(values.map((v) => quarter3.scale(v))).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3]);
  });

  it('splits every value and every index among the segments of a sequence, each exactly once', () => {
    for (const points of ['0,1/3,2/3,1', '0,1/4,1/2,1', '0,1/5,1/2,7/9,1', '0,0.1,0.35,1', '0,1/7,1']) {
      const tuples = tuplesOf(points);
      for (let value = 0; value <= 150; value++)
        expect(
          tuples.reduce((sum, t) => sum + t.scale(value), 0),
          `${points} of ${value}`,
        ).toBe(value);
      const lcd = tuples[0].wrapper.lcd;
      const dealt = tuples.flatMap((t) => take(t, t.scale(3 * lcd))).sort((a, b) => a - b);
      expect(dealt, points).toEqual(Array.from({ length: 3 * lcd }, (_v, i) => i));
    }
  });

  it("re-cuts the sequence by a value as k6's shared-iterations does (3 VUs, 10 iterations, halves)", () => {
    // k6 v2.2.0 ran 7 iterations (iterationInTest 0,2,3,5,6,8,9) on 0:1/2 and 3 (1,4,7) on 1/2:1.
    const [first, second] = tuplesOf('0,1/2,1');
    const [a, b] = [first.rescaled(3)!, second.rescaled(3)!];
    expect([first.scale(3), second.scale(3)]).toEqual([2, 1]);
    expect([a.scale(10), b.scale(10)]).toEqual([7, 3]);
    expect(take(a, 7)).toEqual([0, 2, 3, 5, 6, 8, 9]);
    expect(take(b, 3)).toEqual([1, 4, 7]);
    // A segment that gets none of the value has no work (k6 skips the scenario).
    const [q1, q2] = tuplesOf('0,1/4,1/2,1');
    expect(q1.scale(3)).toBe(1);
    expect(q2.scale(3)).toBe(0);
    expect(q2.rescaled(3)).toBeUndefined();
  });

  it('numbers VUs per instance and per test (idInInstance, idInTest), as k6 did for 1/3:2/3', () => {
    const index = new SegmentedIndex(executionTuple(parseExecutionSegment('1/3:2/3'), undefined));
    expect([index.next(), index.next()]).toEqual([
      { scaled: 1, unscaled: 2 },
      { scaled: 2, unscaled: 5 },
    ]);
    const whole = new SegmentedIndex(executionTuple(undefined, undefined));
    expect([whole.next(), whole.next()]).toEqual([
      { scaled: 1, unscaled: 1 },
      { scaled: 2, unscaled: 2 },
    ]);
  });
});
