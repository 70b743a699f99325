import { describe, expect, it } from 'vitest';
import { firstLack, lacks, type Capability } from '../../contracts/kit/capabilities.js';
import { FAST, profileWith, targetWith } from '../support/fake-check.js';

/**
 * A check that needs what the target lacks is skipped with the reason, never run against a guess
 * (and never failed for it); a check whose needs are met runs.
 */
const ALL: readonly Capability[] = [
  'workflow:fast',
  'workflow:slow',
  'workflow:conversational',
  'key:noPermission',
  'key:noCredits',
  'syncLimit',
  'history',
  'writes',
];

const full = targetWith({
  profile: profileWith({
    workflows: { fast: FAST, slow: FAST, conversational: FAST },
    syncLimit: { limitMs: 30_000 },
    conversation: { historyPointer: '/turns' },
    readOnly: false,
  }),
  keys: { main: 'main-key-1', noPermission: 'no-perm-key', noCredits: 'no-credit-key' },
});

describe('capabilities', () => {
  it('a target with everything lacks nothing', () => {
    expect(ALL.map((need) => lacks(full, need))).toEqual(ALL.map(() => undefined));
    expect(firstLack(full, ALL)).toBeUndefined();
  });

  it('a bare profile names what each need is missing', () => {
    const bare = targetWith();
    expect(Object.fromEntries(ALL.map((need) => [need, lacks(bare, need)]))).toEqual({
      'workflow:fast': undefined,
      'workflow:slow': 'the profile declares no workflows.slow',
      'workflow:conversational': 'the profile declares no workflows.conversational',
      'key:noPermission': 'the profile names no extraKeys.noPermission key',
      'key:noCredits': 'the profile names no extraKeys.noCredits key',
      syncLimit: 'the profile declares no syncLimit',
      history: 'the profile declares no conversation.historyPointer',
      writes: undefined,
    });
  });

  it('a workflow the preflight only guessed counts as missing, even when the profile has one', () => {
    const guessed = targetWith({ ...full, guessed: ['workflows.fast', 'workflows.conversational'] });
    expect(lacks(guessed, 'workflow:fast')).toMatch(
      /^the target is a bare URL and its fast workflow did not answer 200/,
    );
    expect(lacks(guessed, 'workflow:conversational')).toBe(
      'workflows.conversational did not answer 200 (see the notes above the checks)',
    );
  });

  it('a readOnly profile refuses checks that write', () => {
    const readOnly = targetWith({ profile: profileWith({ readOnly: true }) });
    expect(lacks(readOnly, 'writes')).toBe(
      'the profile is readOnly: this check spends credits or creates conversations',
    );
  });

  it('a conversation block without historyPointer still lacks history', () => {
    const noHistory = targetWith({ profile: profileWith({ conversation: { statusPointer: '/status' } }) });
    expect(lacks(noHistory, 'history')).toBe('the profile declares no conversation.historyPointer');
  });

  it('firstLack names the first missing need, in the order the check lists them', () => {
    const bare = targetWith();
    expect(firstLack(bare, ['workflow:fast', 'syncLimit', 'workflow:slow'])).toBe(
      'needs syncLimit: the profile declares no syncLimit',
    );
    expect(firstLack(bare, ['workflow:fast', 'writes'])).toBeUndefined();
    expect(firstLack(bare, [])).toBeUndefined();
  });
});
