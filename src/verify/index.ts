/**
 * `harness verify`: runs the checks in contracts/ against a target. `runVerify` is the
 * entry point for the CLI and the main job; printers render its VerifyResult.
 */
export { runVerify, chooseSeed, type VerifyOptions } from './run-verify.js';
export { CheckRunner, CHECK_GLOB } from './check-runner.js';
export {
  runDetectionTable,
  printDetectionTable,
  type DetectionTable,
  type DetectionRow,
} from './detection-table.js';
export { printPretty, type VerifyHeader } from './print-pretty.js';
export { verifyConsole, type VerifyConsole } from './stream-console.js';
export { toJUnit } from './junit.js';
export { buildResult } from './build-result.js';
export type { CheckResult, VerifyResult } from './check-result.js';
export { loadAccepted, applyAccepted, acceptedFileOf } from './accepted-findings.js';
export { acceptCurrent, ACCEPT_DAYS, type AcceptOutcome } from './accept-current.js';
