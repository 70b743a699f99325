export {
  runLocalEngine,
  type RunLocalEngineOptions,
  SUPPORTED_MODULES,
  SUPPORTED_OPTIONS,
  EXECUTORS,
  K6_ERROR,
  exitCodeForError,
} from './local/index.js';
