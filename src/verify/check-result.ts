import type { VerifyResult } from '../types/generated/verify-result.js';

/** One check's outcome as it appears in verify.json. */
export type CheckResult = VerifyResult['checks'][number];
export type { VerifyResult };
