import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../../src/errors/index.js';
import {
  checkSegmentInSequence,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  segmentString,
  sequenceString,
} from '../../../src/engine/local/segments/index.js';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('HARNESS_ERR_EXECUTION_SEGMENT');
    return (error as HarnessError).message;
  }
  throw new Error('expected a HarnessError');
};

describe('execution segments are read and printed as k6 v2.2.0 does', () => {
  it('reads fractions, decimals, percentages and a lone end, and prints reduced fractions', () => {
    // The values k6 v2.2.0 showed in exec.test.options.executionSegment for these flags.
    expect(segmentString(parseExecutionSegment('1/3:2/3'))).toBe('1/3:2/3');
    expect(segmentString(parseExecutionSegment('0.5'))).toBe('0:1/2');
    expect(segmentString(parseExecutionSegment('25%:75%'))).toBe('1/4:3/4');
    expect(segmentString(parseExecutionSegment('2/4:0.75'))).toBe('1/2:3/4');
    expect(segmentString(parseExecutionSegment(''))).toBe('0:1');
    expect(segmentString(parseExecutionSegment('0:1'))).toBe('0:1');
    expect(sequenceString(parseExecutionSegmentSequence('0,25%,0.5,1')!)).toBe('0,1/4,1/2,1');
    expect(parseExecutionSegmentSequence('')).toBeUndefined();
  });

  it("refuses malformed or out-of-range values with k6's messages", () => {
    // Each message as k6 v2.2.0 printed it for the same flag.
    expect(messageOf(() => parseExecutionSegment('abc'))).toBe(
      "'abc' is not a valid percentage, decimal, fraction or interval value",
    );
    expect(messageOf(() => parseExecutionSegment('2/3:1/3'))).toBe(
      'segment start(0.67) must be less than its end(0.33)',
    );
    expect(messageOf(() => parseExecutionSegment('1.5'))).toBe(
      "segment end value can't be more than 1 but was 1.50",
    );
    expect(messageOf(() => parseExecutionSegment('-1:1/2'))).toBe(
      'segment start value must be at least 0 but was -1.00',
    );
    expect(messageOf(() => parseExecutionSegment('10%%'))).toBe("'10%%' is not a valid percentage");
    expect(messageOf(() => parseExecutionSegment('1/3:'))).toMatch(/'' is not a valid/);
    expect(messageOf(() => parseExecutionSegment('1/0'))).toMatch(/'1\/0' is not a valid/);
    expect(messageOf(() => parseExecutionSegmentSequence('0'))).toBe(
      'at least 2 points are needed for an execution segment sequence, 1 given',
    );
    expect(messageOf(() => parseExecutionSegmentSequence('0,1/2,1/3'))).toBe(
      'segment start(0.50) must be less than its end(0.33)',
    );
  });

  it('requires the segment (0:1 when none is given) to be one of the sequence', () => {
    const sequence = parseExecutionSegmentSequence('0,1/4,1/2,1');
    expect(() => checkSegmentInSequence(parseExecutionSegment('1/4:1/2'), sequence)).not.toThrow();
    expect(() => checkSegmentInSequence(parseExecutionSegment('1/3'), undefined)).not.toThrow();
    expect(messageOf(() => checkSegmentInSequence(undefined, sequence))).toContain(
      "provided segment 0:1 can't be found in sequence 0,1/4,1/2,1",
    );
    expect(
      messageOf(() =>
        checkSegmentInSequence(parseExecutionSegment('1/3'), parseExecutionSegmentSequence('0,1/2,1')),
      ),
    ).toContain("provided segment 0:1/3 can't be found in sequence 0,1/2,1");
  });
});
