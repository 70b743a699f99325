import { describe, expect, it } from 'vitest';
import { Findings } from '../../contracts/kit/findings.js';
import { responseTimeHook } from '../../contracts/kit/response-time.js';
import { answer, profileWith } from '../support/fake-check.js';

/**
 * `responseTimeMs.<endpoint>` in a profile: a check request slower than its endpoint's bound is
 * one failure per endpoint naming the time and the bound; how many exceeded is an observation.
 */
const profile = profileWith({ responseTimeMs: { executeWorkflow: 100, getConversationById: 50 } });

function hooked(): { findings: Findings; hook: NonNullable<ReturnType<typeof responseTimeHook>> } {
  const findings = new Findings('unit-check');
  const hook = responseTimeHook(profile, findings);
  if (hook === undefined) throw new Error('no hook for a profile with responseTimeMs');
  return { findings, hook };
}

describe('response-time bound', () => {
  it('no bound declared, nothing checked', () => {
    expect(responseTimeHook(profileWith(), new Findings('unit-check'))).toBeUndefined();
  });

  it('a request at or under its bound passes; an endpoint without a bound is unchecked', () => {
    const { findings, hook } = hooked();
    hook(answer(200, {}, { durationMs: 100 }), {});
    hook(answer(200, {}, { endpoint: 'executeWorkflowBackground', durationMs: 10_000 }), {});
    expect(findings.failures).toEqual([]);
    expect(findings.observations).toEqual({});
  });

  it('a slower one is an inferred, declared failure naming the time and the bound', () => {
    const { findings, hook } = hooked();
    hook(answer(200, {}, { durationMs: 100.6 }), {});
    expect(findings.failures).toHaveLength(1);
    expect(findings.failures[0]).toMatchObject({
      code: 'RESPONSE_TIME',
      endpoint: 'executeWorkflow',
      basis: 'inferred',
      schemaPath: 'profile: responseTimeMs.executeWorkflow',
      received: '101 ms',
      documented: 'at most 100 ms per request (target profile responseTimeMs.executeWorkflow)',
    });
    expect(findings.failures[0]?.message).toContain('Received: 101 ms /');
  });

  it('one failure per endpoint, every excess counted per endpoint', () => {
    const { findings, hook } = hooked();
    for (const durationMs of [150, 200, 90, 300]) hook(answer(200, {}, { durationMs }), {});
    hook(answer(200, {}, { endpoint: 'getConversationById', durationMs: 51 }), {});
    expect(findings.failures.map((f) => f.endpoint)).toEqual(['executeWorkflow', 'getConversationById']);
    expect(findings.observations).toEqual({
      responseTimeExceeded: { executeWorkflow: 3, getConversationById: 1 },
    });
  });

  it('a request with its own bound (a sync-limit wait) is exempt', () => {
    const { findings, hook } = hooked();
    hook(answer(200, {}, { durationMs: 5_000 }), { timeoutMs: 60_000 });
    expect(findings.failures).toEqual([]);
  });
});
