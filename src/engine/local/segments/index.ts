/** k6's execution segments (lib/execution_segment.go): how one test's work is split across instances. */
export {
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  checkSegmentInSequence,
  segmentString,
  sequenceString,
  type ExecutionSegment,
  type ExecutionSegmentSequence,
} from './execution-segment.js';
export { ExecutionTuple, executionTuple, filledSequence } from './execution-tuple.js';
export { SegmentedIndex, stripedIndices } from './segmented-index.js';
