import { describe, expect, it } from 'vitest';
import { loadTimeoutMs } from '../../src/load/load-timeout.js';

/**
 * How long a load run may take before the harness stops its engine: the user's loadTimeoutMs, or
 * twice the load profile's longest planned scenario (a ramp's stages summed, an iteration
 * executor's maxDuration) plus ten minutes, so a slow machine is not cut short and a hung one is.
 */

const MIN = 60_000;

describe('the load timeout', () => {
  it('is the user’s loadTimeoutMs when set, whatever the profile', () => {
    expect(loadTimeoutMs({ loadProfile: 'soak', loadTimeoutMs: 1234 })).toBe(1234);
  });

  it('defaults to twice the longest scenario plus 10 min, for every load profile', () => {
    // smoke: the iteration executors' maxDuration (2 min) outlasts the 3 s and 4 s ones.
    expect(loadTimeoutMs({ loadProfile: 'smoke' })).toBe(2 * 2 * MIN + 10 * MIN);
    expect(loadTimeoutMs({ loadProfile: 'load' })).toBe(2 * 5 * MIN + 10 * MIN);
    // stress: the ramp's stages (1 m + 2 m + 2 m + 30 s) outlast the 5 min constant-vus.
    expect(loadTimeoutMs({ loadProfile: 'stress' })).toBe(2 * 5.5 * MIN + 10 * MIN);
    expect(loadTimeoutMs({ loadProfile: 'soak' })).toBe(2 * 120 * MIN + 10 * MIN);
    expect(loadTimeoutMs({ loadProfile: 'nightly' })).toBe(2 * 20 * MIN + 10 * MIN);
  });
});
