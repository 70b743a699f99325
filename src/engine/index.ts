export {
  runLocalEngine,
  type RunLocalEngineOptions,
  SUPPORTED_MODULES,
  SUPPORTED_OPTIONS,
  EXECUTORS,
  K6_ERROR,
  exitCodeForError,
  splitEvenly,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  type EvenSplit,
} from './local/index.js';
