import type { CheckTarget } from './target-context.js';

/** What a check may need from a target; a missing one skips the check with its reason. */
export type Capability =
  | 'workflow:fast'
  | 'workflow:slow'
  | 'workflow:conversational'
  | 'key:noPermission'
  | 'key:noCredits'
  | 'syncLimit'
  | 'history'
  | 'writes';

/** Why the target lacks `need`, or undefined when it has it. */
export function lacks(target: CheckTarget, need: Capability): string | undefined {
  const p = target.profile;
  switch (need) {
    case 'workflow:fast':
      return target.guessed.includes('workflows.fast')
        ? "the target is a bare URL and its fast workflow did not answer 200 (name one with --workflow <id>[@version] --input '<json>', or give a targets/<name>.json profile)"
        : undefined;
    case 'workflow:slow':
      return p.workflows.slow === undefined ? 'the profile declares no workflows.slow' : undefined;
    case 'workflow:conversational':
      if (target.guessed.includes('workflows.conversational'))
        return 'workflows.conversational did not answer 200 (see the notes above the checks)';
      return p.workflows.conversational === undefined
        ? 'the profile declares no workflows.conversational'
        : undefined;
    case 'key:noPermission':
      return target.keys.noPermission === undefined
        ? 'the profile names no extraKeys.noPermission key'
        : undefined;
    case 'key:noCredits':
      return target.keys.noCredits === undefined ? 'the profile names no extraKeys.noCredits key' : undefined;
    case 'syncLimit':
      return p.syncLimit === undefined ? 'the profile declares no syncLimit' : undefined;
    case 'history':
      return p.conversation?.historyPointer === undefined
        ? 'the profile declares no conversation.historyPointer'
        : undefined;
    case 'writes':
      return p.readOnly === true
        ? 'the profile is readOnly: this check spends credits or creates conversations'
        : undefined;
  }
}

export function firstLack(target: CheckTarget, needs: readonly Capability[]): string | undefined {
  for (const need of needs) {
    const why = lacks(target, need);
    if (why !== undefined) return `needs ${need}: ${why}`;
  }
  return undefined;
}
