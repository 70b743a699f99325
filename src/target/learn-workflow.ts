import type { TargetProfile } from '../types/generated/target-profile.js';
import { isHarnessError } from '../errors/index.js';
import { answerOrUnreachable, keyRejected, type PreflightOptions } from './preflight.js';
import type { GuessedPart, ResolvedTarget } from './types.js';

type Workflow = TargetProfile['workflows']['fast'];
type ComponentType = Workflow['outputComponents'][string];

/** A component's shorthand from a value seen in an answer ('any' for null, whose type says nothing). */
export function componentTypeOf(value: unknown): ComponentType {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && value !== null) return 'object';
  return 'any';
}

/** Components by the types of an object's values (an input or an output). */
export function componentsOf(value: Record<string, unknown>): Record<string, ComponentType> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, componentTypeOf(v)]));
}

/** A bare URL's polling budget: in proportion to how fast the deployment answered, never past the default 120 s. */
const BUDGET_FACTOR = 50;
const MIN_BUDGET_MS = 10_000;
const MAX_BUDGET_MS = 120_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bare URL: each workflow the target knows by role (given with --workflow, or the docs'
 * example as the guessed fast one) is executed once, synchronously, and the output's shape
 * of that first answer becomes its outputComponents, which every later check holds to.
 * The slow role is never run synchronously (it may outlast the sync limit): its output
 * stays unconstrained. A workflow that does not answer 200 stays guessed, and checks that
 * need it are skipped naming the answer.
 */
export async function learnWorkflows(
  target: ResolvedTarget,
  options: PreflightOptions,
): Promise<ResolvedTarget> {
  const workflows = { ...target.profile.workflows };
  const guessed = new Set<GuessedPart>(target.guessed);
  const notes = [...(target.notes ?? [])];
  let polling = target.profile.polling;
  for (const role of ['fast', 'conversational'] as const) {
    const wf = workflows[role];
    if (wf === undefined || Object.keys(wf.outputComponents).length > 0) continue;
    const res = await answerOrUnreachable(
      target,
      'executeWorkflow',
      { workflowId: wf.workflowId, version: wf.version, input: wf.sampleInput },
      options.requestTimeoutMs,
    );
    if (isHarnessError(res)) {
      guessed.add(`workflows.${role}`);
      notes.push(`workflows.${role} (${wf.workflowId} v${wf.version}) got no answer: ${res.message}`);
      continue;
    }
    if (res.status === 401) throw keyRejected(target, 'executeWorkflow', res.status);
    const output = isObject(res.json) ? res.json.output : undefined;
    if (res.status !== 200 || !isObject(output)) {
      guessed.add(`workflows.${role}`);
      notes.push(
        `workflows.${role} (${wf.workflowId} v${wf.version}) answered ${res.status}${res.status === 200 ? ' without an output object' : ''}: checks that need it are skipped (name a workflow with --workflow <id>[@version] --input '<json>')`,
      );
      continue;
    }
    workflows[role] = {
      ...wf,
      outputComponents: componentsOf(output),
      expectedDurationMs: Math.round(res.durationMs),
    };
    if (role === 'fast' && polling === undefined) {
      const budgetMs = Math.min(
        MAX_BUDGET_MS,
        Math.max(MIN_BUDGET_MS, Math.round(res.durationMs * BUDGET_FACTOR)),
      );
      polling = { budgetMs };
      notes.push(
        `polling.budgetMs ${budgetMs}: ${BUDGET_FACTOR} × the fast workflow's first answer time (${Math.round(res.durationMs)} ms), within ${MIN_BUDGET_MS}–${MAX_BUDGET_MS} ms`,
      );
    }
    guessed.delete(`workflows.${role}`);
    notes.push(
      `workflows.${role} (${wf.workflowId} v${wf.version}): output shape learned from its first answer, held to from now on: ${JSON.stringify(workflows[role]?.outputComponents)}`,
    );
  }
  return {
    ...target,
    profile: { ...target.profile, workflows, ...(polling === undefined ? {} : { polling }) },
    guessed: [...guessed],
    notes,
  };
}
