import type { CheckContext } from './define-check.js';
import { executeBody, workflow } from './requests.js';

type Role = 'fast' | 'slow' | 'conversational';

/**
 * A valid execute body whose first free-text input component carries `marker`, so the
 * conversation created from it can be told apart from another by content. undefined
 * when the workflow has no plain text component to mark.
 */
export function markedBody(
  ctx: Pick<CheckContext, 'profile'>,
  role: Role,
  marker: string,
): Record<string, unknown> | undefined {
  const wf = workflow(ctx, role);
  const name = Object.entries(wf.inputComponents).find(
    ([key, type]) => type === 'text' && typeof wf.sampleInput[key] === 'string',
  )?.[0];
  if (name === undefined) return undefined;
  const body = executeBody(ctx, role);
  const input = body.input as Record<string, unknown>;
  input[name] = `${String(input[name])} ${marker}`;
  return body;
}

/** True when any string anywhere in `value` contains `needle`. */
export function containsText(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => containsText(v, needle));
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some((v) => containsText(v, needle));
  return false;
}
