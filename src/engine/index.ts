export {
  runLocalEngine,
  type RunLocalEngineOptions,
  SUPPORTED_MODULES,
  SUPPORTED_OPTIONS,
  EXECUTORS,
  K6_ERROR,
} from './local/index.js';
