import { describe, expect, it } from 'vitest';
import { IMMEDIATE_SAMPLES, immediateBound, timeSubmits } from '../../contracts/kit/immediate.js';
import { answer, fakeContext, profileWith } from '../support/fake-check.js';

/**
 * "executeWorkflowBackground returns immediately": the bound comes from the profile (or 10 % of
 * the sync limit), and a submit's own time is its fastest sample minus the fastest cheap request
 * timed alongside it, so a loaded machine does not read as a slow submit.
 */
describe('immediateBound', () => {
  it("the profile's background.immediateMs when declared", () => {
    expect(immediateBound({ profile: profileWith({ background: { immediateMs: 250 } }) })).toEqual({
      ms: 250,
      from: 'background.immediateMs',
    });
  });

  it('else 10 % of the sync limit, or of the 30 s default', () => {
    expect(immediateBound({ profile: profileWith({ syncLimit: { limitMs: 8_000 } }) })).toEqual({
      ms: 800,
      from: '10 % of syncLimit.limitMs (8000 ms)',
    });
    expect(immediateBound({ profile: profileWith() })).toEqual({
      ms: 3_000,
      from: '10 % of syncLimit.limitMs (30000 ms)',
    });
  });
});

describe('timeSubmits', () => {
  it('alternates a cheap probe and a submit, and takes the fastest of each', async () => {
    const baseline = [30, 12, 20];
    const submit = [50, 70, 41];
    const { ctx, calls } = fakeContext((call, i) =>
      answer(
        call.endpoint === 'getConversationById' ? 404 : 200,
        {},
        {
          durationMs: (call.endpoint === 'getConversationById' ? baseline : submit)[Math.floor(i / 2)] ?? 0,
        },
      ),
    );
    const body = { workflowId: '12345', version: 1, input: {} };
    const timing = await timeSubmits(ctx, () => body);
    expect(calls.map((c) => c.endpoint)).toEqual([
      'getConversationById',
      'executeWorkflowBackground',
      'getConversationById',
      'executeWorkflowBackground',
      'getConversationById',
      'executeWorkflowBackground',
    ]);
    expect(calls[0]?.body).toEqual({ workflowId: '12345', conversationId: 'harness-unknown-conversation-7' });
    expect(calls[1]?.body).toEqual(body);
    expect(timing.submits).toHaveLength(IMMEDIATE_SAMPLES);
    expect([timing.fastestSubmitMs, timing.fastestBaselineMs, timing.ownMs]).toEqual([41, 12, 29]);
  });

  it('stops at the first submit that is refused', async () => {
    const { ctx, calls } = fakeContext((call) =>
      answer(call.endpoint === 'getConversationById' ? 404 : 402, {}),
    );
    const timing = await timeSubmits(ctx, () => ({}));
    expect(calls).toHaveLength(2);
    expect(timing.submits.map((s) => s.status)).toEqual([402]);
  });

  it('a submit faster than the probe has no negative own time', async () => {
    const { ctx } = fakeContext((call) =>
      answer(200, {}, { durationMs: call.endpoint === 'getConversationById' ? 40 : 10 }),
    );
    expect((await timeSubmits(ctx, () => ({}))).ownMs).toBe(0);
  });
});
