import { describe, expect, it } from 'vitest';
import { scenarioEnv } from '../../src/load/scenario-env.js';
import { bareUrlProfile } from '../../src/target/index.js';
import { CLUSTER_TARGET, distributed } from './fixture.js';
import { expand, podEnv } from './local-pod.js';

// What a runner's k6 finds in its environment once the kubelet has resolved the TestRun's env:
// the same variables `harness load` gives its engine (scenarioEnv), with the key from the Secret,
// and the shard-folder paths on the claim.
describe('the env a runner pod sees', () => {
  it('kubelet expansion as Kubernetes does it: $$ is $, $(NAME) when defined, other $ kept', () => {
    const env = { A: 'x' };
    expect(expand('$(A)/$(B)/$$(A)/$$/$5/$', env)).toBe('x/$(B)/$(A)/$/$5/$');
    expect(expand('$(A', env)).toBe('$(A');
  });

  it('equals harness load’s env, even when the profile holds `$(POD_NAME)` and `$$`', async () => {
    const profile = bareUrlProfile(CLUSTER_TARGET, {});
    profile.workflows.fast = {
      ...profile.workflows.fast,
      sampleInput: { Note: 'costs $$5 or $(POD_NAME) or $(HARNESS_PROFILE)', Price: '$' },
    };
    const d = await distributed({
      profile,
      parallelism: 2,
      config: { loadProfile: 'load', maxCredits: 'unlimited' },
    });
    const seen = podEnv(d.testRun.spec.runner.env, 'harness-sync-latency-1-abcde', {
      'harness-api-key': { HARNESS_API_KEY: 'the-key' },
    });
    const load = scenarioEnv({
      profile,
      apiKey: 'the-key',
      loadProfile: 'load',
      timeScale: 1,
      embedded: false,
      summaryOut: '/harness-results/summary-data.json',
    });
    expect(seen).toEqual({
      ...load,
      POD_NAME: 'harness-sync-latency-1-abcde',
      HARNESS_MAX_CREDITS: 'unlimited',
      HARNESS_TEST_ID: d.testId,
      HARNESS_SHARD_OUT: '/harness-results/shard.json',
    });
    expect(JSON.parse(seen.HARNESS_TARGET ?? '')).toEqual(profile);
    // Written without the doubling, the kubelet would have changed the profile:
    const raw = d.testRun.spec.runner.env.find((e) => e.name === 'HARNESS_TARGET')?.value ?? '';
    expect(expand(raw.replaceAll('$$', '$'), seen)).not.toBe(seen.HARNESS_TARGET);
  });
});
