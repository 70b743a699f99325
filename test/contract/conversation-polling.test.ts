import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversationReading, pollConversation, pollingBudget } from '../../contracts/kit/poll.js';
import { answer, fakeContext, profileWith, type Script } from '../support/fake-check.js';

/**
 * Background checks poll getConversationById until the profile's terminal status or the budget:
 * a wrong reading reports a finished conversation as stuck (or the reverse), a wrong schedule
 * hammers the target or waits past the budget. Time is faked: each poll's time is exact.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  // A worker's clock is never at 0 when a check starts: elapsed time is measured from the start.
  vi.advanceTimersByTime(5_000);
});
afterEach(() => {
  vi.useRealTimers();
});

async function poll(script: Script, profile = profileWith()) {
  const times: number[] = [];
  const { ctx, calls } = fakeContext((call, i) => {
    times.push(performance.now());
    return script(call, i);
  }, profile);
  const pending = pollConversation(ctx, 'wf-1', 'conv-1');
  await vi.runAllTimersAsync();
  const outcome = await pending;
  return { outcome, times, calls };
}

const status = (value: unknown, code = 200) => answer(code, { status: value });

describe('conversation reading', () => {
  it("the schema's defaults when the profile says nothing", () => {
    const { ctx } = fakeContext(() => answer(200, {}));
    expect(conversationReading(ctx)).toEqual({
      statusPointer: '/status',
      completedValues: ['completed'],
      failedValues: ['failed'],
      outputPointer: '/output',
      creditUsagePointer: '/creditUsage',
      historyPointer: undefined,
      useReferenceSchema: false,
    });
  });

  it("the profile's own pointers and values when it names them", () => {
    const conversation = {
      statusPointer: '/state',
      completedValues: ['done'],
      failedValues: ['error'],
      outputPointer: '/result',
      creditUsagePointer: '/cost',
      historyPointer: '/turns',
      useReferenceSchema: true,
    };
    const { ctx } = fakeContext(() => answer(200, {}), profileWith({ conversation }));
    expect(conversationReading(ctx)).toEqual(conversation);
  });

  it('the polling budget: defaults, or the profile’s', () => {
    expect(pollingBudget({ profile: profileWith() })).toEqual({
      initialIntervalMs: 100,
      backoff: 1.5,
      maxIntervalMs: 2000,
      budgetMs: 120_000,
    });
    const polling = { initialIntervalMs: 5, backoff: 3, maxIntervalMs: 50, budgetMs: 500 };
    expect(pollingBudget({ profile: profileWith({ polling }) })).toEqual(polling);
  });
});

describe('pollConversation', () => {
  const polling = { initialIntervalMs: 100, backoff: 2, maxIntervalMs: 300, budgetMs: 60_000 };

  it('asks for the conversation it was given until it completes, backing off up to the cap', async () => {
    const seen = ['queued', 'running', 'running', 'running', 'completed'];
    const { outcome, times, calls } = await poll((_c, i) => status(seen[i]), profileWith({ polling }));
    expect(outcome).toMatchObject({ state: 'completed', lastStatus: 'completed', polls: 5 });
    expect(calls.every((c) => c.endpoint === 'getConversationById')).toBe(true);
    expect(calls[0]?.body).toEqual({ workflowId: 'wf-1', conversationId: 'conv-1' });
    expect(times.map((t, i) => t - (times[i - 1] ?? t))).toEqual([0, 100, 200, 300, 300]);
    expect(outcome.elapsedMs).toBe(900);
  });

  it("reads the profile's status pointer and terminal values", async () => {
    const conversation = {
      statusPointer: '/state/name',
      completedValues: ['done'],
      failedValues: ['broke', 'x'],
    };
    const profile = profileWith({ polling, conversation });
    const failed = await poll(() => answer(200, { state: { name: 'x' } }), profile);
    expect(failed.outcome).toMatchObject({ state: 'failed', lastStatus: 'x', polls: 1 });
    const done = await poll(() => answer(200, { state: { name: 'done' } }), profile);
    expect(done.outcome).toMatchObject({ state: 'completed', lastStatus: 'done', polls: 1 });
    // The default names are not terminal for this profile.
    const { outcome } = await poll(
      (_c, i) => answer(200, { state: { name: i < 2 ? 'completed' : 'done' } }),
      profile,
    );
    expect(outcome).toMatchObject({ state: 'completed', lastStatus: 'done', polls: 3 });
  });

  it('a terminal value that is not a string is not terminal', async () => {
    const profile = profileWith({ polling: { ...polling, budgetMs: 250 } });
    const { outcome } = await poll(() => answer(200, { status: ['completed'] }), profile);
    expect(outcome).toMatchObject({ state: 'stuck', lastStatus: ['completed'] });
  });

  it('stops as stuck when the next wait would pass the budget, with the last status seen', async () => {
    // Polls at 0, 100, 300, 600 and 900: at 600 the next poll (900) still fits a 900 ms budget.
    const profile = profileWith({ polling: { ...polling, budgetMs: 900 } });
    const { outcome, times } = await poll(() => status('running'), profile);
    expect(outcome).toMatchObject({ state: 'stuck', lastStatus: 'running', polls: 5, elapsedMs: 900 });
    expect(times).toHaveLength(5);
  });

  it('a non-2xx answer ends polling as an error at once', async () => {
    for (const code of [199, 300, 404, 500]) {
      const { outcome } = await poll(() => status('completed', code), profileWith({ polling }));
      expect(outcome).toMatchObject({ state: 'error', lastStatus: undefined, polls: 1 });
      expect(outcome.last.status).toBe(code);
    }
    const ok = await poll(() => status('completed', 299), profileWith({ polling }));
    expect(ok.outcome.state).toBe('completed');
  });
});
