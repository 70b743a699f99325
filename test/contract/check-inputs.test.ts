import { describe, expect, it } from 'vitest';
import {
  ALL_ENDPOINTS,
  executeBody,
  plausibleBody,
  unknownId,
  workflow,
} from '../../contracts/kit/requests.js';
import { getTarget } from '../../contracts/kit/target-context.js';
import { fakeContext, FAST, profileWith } from '../support/fake-check.js';

/**
 * What checks send: a valid body from the profile's sample input, ids no deployment has (the
 * run's seed in them, so a failure reproduces), and the target only through `harness verify`.
 */
describe('check inputs', () => {
  it('an unknown id carries the harness prefix, what it names and the seed', () => {
    expect(unknownId({ seed: 42 }, 'conversation')).toBe('harness-unknown-conversation-42');
  });

  it("a valid execute body is the workflow's sample input, a copy, with any extra fields", () => {
    const profile = profileWith();
    const body = executeBody({ profile });
    expect(body).toEqual({ workflowId: '12345', version: 1, input: FAST.sampleInput });
    (body.input as Record<string, unknown>).Age = 99;
    expect(profile.workflows.fast.sampleInput.Age).toBe(30);
    expect(executeBody({ profile }, 'fast', { conversationId: 'c' })).toMatchObject({ conversationId: 'c' });
  });

  it('a role the profile lacks is an error telling the check to declare its needs', () => {
    expect(() => workflow({ profile: profileWith() }, 'slow')).toThrow(
      "the profile has no workflows.slow (declare the check's needs)",
    );
  });

  it('a plausible body per endpoint: a conversation lookup, else an execute body', () => {
    const { ctx } = fakeContext(() => {
      throw new Error('no request expected');
    });
    expect(ALL_ENDPOINTS.map((e) => plausibleBody(ctx, e))).toEqual([
      { workflowId: '12345', version: 1, input: FAST.sampleInput },
      { workflowId: '12345', version: 1, input: FAST.sampleInput },
      { workflowId: '12345', conversationId: 'harness-unknown-conversation-7' },
    ]);
  });

  it('checks run outside `harness verify` stop with where to run them', () => {
    expect(() => getTarget()).toThrow('contracts/ run without a target: run them through `harness verify`');
  });
});
