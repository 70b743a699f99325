import { parseExecutionSegment, parseExecutionSegmentSequence } from '../segments/index.js';

/**
 * `k6 run --vus N --iterations N --duration D --execution-segment S --execution-segment-sequence Q`:
 * options set from the command line.
 */
export interface CliOverrides {
  readonly vus?: number;
  readonly iterations?: number;
  readonly duration?: string;
  readonly executionSegment?: string;
  readonly executionSegmentSequence?: string;
}

/** k6 refuses malformed segment flags before it reads the script: so does the local engine. */
export function checkCliOverrides(overrides: CliOverrides | undefined): void {
  if (overrides?.executionSegment !== undefined) parseExecutionSegment(overrides.executionSegment);
  if (overrides?.executionSegmentSequence !== undefined)
    parseExecutionSegmentSequence(overrides.executionSegmentSequence);
}

/**
 * k6's precedence (lib.Options.Apply, CLI over script): --vus replaces `vus`; --duration or
 * --iterations first clear the script's duration, iterations, stages and scenarios, then set
 * what was given — so the implicit 'default' scenario is derived from the command line.
 */
export function applyCliOverrides(
  options: Readonly<Record<string, unknown>>,
  overrides: CliOverrides | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...options };
  if (overrides === undefined) return out;
  if (overrides.vus !== undefined) out.vus = overrides.vus;
  if (overrides.executionSegment !== undefined) out.executionSegment = overrides.executionSegment;
  if (overrides.executionSegmentSequence !== undefined)
    out.executionSegmentSequence = overrides.executionSegmentSequence;
  if (overrides.duration !== undefined || overrides.iterations !== undefined) {
    for (const key of ['duration', 'iterations', 'stages', 'scenarios']) delete out[key];
    if (overrides.duration !== undefined) out.duration = overrides.duration;
    if (overrides.iterations !== undefined) out.iterations = overrides.iterations;
  }
  return out;
}
