export { HarnessError, isHarnessError } from './harness-error.js';
export { ERROR_CODES, type ErrorCode } from './codes.js';
