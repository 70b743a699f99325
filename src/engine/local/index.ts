export { runLocalEngine, type RunLocalEngineOptions } from './run-local-engine.js';
export { SUPPORTED_MODULES, SUPPORTED_OPTIONS } from './supported.js';
export { EXECUTORS } from './executors/index.js';
export { transformScript } from './transform/transform-script.js';
export { K6_ERROR } from './http/error-codes.js';
export { exitCodeForError } from './exit-code.js';
export {
  splitEvenly,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  type EvenSplit,
} from './segments/index.js';
