import { ERROR_CODES, type ErrorCode } from './codes.js';

/**
 * The one error type the harness throws on purpose. It carries a stable code
 * (documented in codes.ts) and a hint that tells the user how to fix it, so the
 * CLI can print something actionable instead of a stack trace.
 */
export class HarnessError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HarnessError';
    this.code = code;
    this.hint = options.hint ?? ERROR_CODES[code].hint;
    this.details = options.details === undefined ? undefined : Object.freeze({ ...options.details });
  }

  /** "HARNESS_ERR_X: message\n  hint: …" — what the CLI prints. */
  format(): string {
    return `${this.code}: ${this.message}\n  hint: ${this.hint}`;
  }
}

export function isHarnessError(value: unknown): value is HarnessError {
  return value instanceof HarnessError;
}
