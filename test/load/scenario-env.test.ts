import { describe, expect, it } from 'vitest';
import { scenarioEnv } from '../../src/load/scenario-env.js';
import type { TargetProfile } from '../../src/types/generated/target-profile.js';

/**
 * The environment a scenario runs with (scenarios/lib/env.ts reads it): the target, the key under
 * the variable the profile names, the load profile, and the reference-only settings — a time scale
 * and conversation tracing only on the embedded reference, never against a real deployment.
 */

const profile: TargetProfile = {
  name: 'staging',
  baseUrl: 'https://staging.invalid/api',
  apiKeyEnv: 'STAGING_KEY',
  workflows: {
    fast: { workflowId: 'w', version: 1, sampleInput: {}, inputComponents: {}, outputComponents: {} },
  },
};

describe('the environment a scenario runs with', () => {
  it('against a deployment: real time, no conversation tracing, the key under the profile’s variable', () => {
    expect(
      scenarioEnv({
        profile,
        apiKey: 'sk-secret',
        loadProfile: 'load',
        timeScale: 0.05,
        embedded: false,
        summaryOut: '/tmp/run/summary-data.json',
      }),
    ).toEqual({
      BASE_URL: 'https://staging.invalid/api',
      HARNESS_TARGET: JSON.stringify(profile),
      API_KEY_ENV: 'STAGING_KEY',
      STAGING_KEY: 'sk-secret',
      HARNESS_PROFILE: 'load',
      HARNESS_TIME_SCALE: '1',
      HARNESS_SUMMARY_OUT: '/tmp/run/summary-data.json',
      HARNESS_TRACE_CONVERSATIONS: '0',
    });
  });

  it('on the embedded reference: the time scale applies and completions are traced', () => {
    const env = scenarioEnv({
      profile,
      apiKey: 'k',
      loadProfile: 'smoke',
      timeScale: 0.05,
      embedded: true,
      summaryOut: 's.json',
    });
    expect(env).toMatchObject({ HARNESS_TIME_SCALE: '0.05', HARNESS_TRACE_CONVERSATIONS: '1' });
    expect(env.HARNESS_VALIDATE).toBeUndefined();
  });

  it('response validation is on unless turned off explicitly', () => {
    const base = {
      profile,
      apiKey: 'k',
      loadProfile: 'smoke',
      timeScale: 1,
      embedded: false,
      summaryOut: 's',
    };
    expect(scenarioEnv({ ...base, validate: false }).HARNESS_VALIDATE).toBe('0');
    expect(scenarioEnv({ ...base, validate: true }).HARNESS_VALIDATE).toBeUndefined();
  });
});
