import { executionSegment, segmentString, sequenceString } from './execution-segment.js';
import { rat } from './rational.js';

/** N equal segments of a test and their sequence, as strings the engine flags take (k6's ExecutionSegment.Split). */
export interface EvenSplit {
  /** `--execution-segment-sequence` for every instance, e.g. "0,1/3,2/3,1". */
  readonly sequence: string;
  /** `--execution-segment` of instance i, e.g. ["0:1/3", "1/3:2/3", "2/3:1"]. */
  readonly segments: readonly string[];
}

/** The whole test cut in `parts` equal segments: what N shards run (each with the same sequence). */
export function splitEvenly(parts: number): EvenSplit {
  if (!Number.isInteger(parts) || parts < 1)
    throw new RangeError(`the number of parts must be a whole number ≥ 1, got ${parts}`);
  const segments = Array.from({ length: parts }, (_v, i) =>
    executionSegment(rat(i, parts), rat(i + 1, parts)),
  );
  return { sequence: sequenceString(segments), segments: segments.map(segmentString) };
}
