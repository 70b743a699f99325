import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../../src/engine/local/options/parse-options.js';
import { isHarnessError } from '../../../../src/errors/index.js';

// The keys every k6 scenario may carry whatever its executor (k6 v2.2.0 lib/executor/base_config.go:
// executor, exec, startTime, gracefulStop, env, tags): accepted beside the executor's own fields,
// while any other key is refused rather than silently ignored.

const scenario = (extra: Record<string, unknown>): unknown => ({
  scenarios: { main: { executor: 'constant-vus', vus: 2, duration: '10s', ...extra } },
});

describe('the keys common to every scenario', () => {
  it('are each accepted and honoured: exec, startTime, gracefulStop, env, tags', () => {
    const [main] = parseOptions(
      scenario({ exec: 'run', startTime: '2s', gracefulStop: '5s', env: { A: '1' }, tags: { t: 'x' } }),
    ).scenarios;
    expect(main).toMatchObject({
      name: 'main',
      executor: 'constant-vus',
      exec: 'run',
      startTimeMs: 2000,
      gracefulStopMs: 5000,
      env: { A: '1' },
      tags: { t: 'x' },
    });
    for (const key of ['exec', 'startTime', 'gracefulStop', 'env', 'tags']) {
      const value = { exec: 'run', startTime: '1s', gracefulStop: '1s', env: {}, tags: {} }[key];
      expect(() => parseOptions(scenario({ [key]: value })), key).not.toThrow();
    }
  });

  it('an executor field of another executor, or an unknown key, is refused as unsupported', () => {
    for (const key of ['rate', 'startVUs']) {
      let error: unknown;
      try {
        parseOptions(scenario({ [key]: 1 }));
      } catch (e) {
        error = e;
      }
      expect(isHarnessError(error) && error.code, key).toBe('HARNESS_ERR_ENGINE_UNSUPPORTED');
      expect((error as Error).message).toContain(`the field '${key}' in scenario 'main' (constant-vus)`);
    }
  });
});
