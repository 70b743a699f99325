import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, resolveConfig } from '../../src/config/index.js';
import { HarnessError } from '../../src/errors/index.js';

describe('resolveConfig', () => {
  it('applies flags > env > profile > defaults', () => {
    const cfg = resolveConfig({
      profile: { timeScale: 0.5, engine: 'local', reportsDir: 'from-profile' },
      env: { HARNESS_TIME_SCALE: '0.25', HARNESS_REPORTS_DIR: 'from-env' },
      flags: { timeScale: 0.1 },
    });
    expect(cfg.timeScale).toBe(0.1);
    expect(cfg.reportsDir).toBe('from-env');
    expect(cfg.engine).toBe('local');
    expect(cfg.loadProfile).toBe('smoke');
  });

  it('returns a frozen object', () => {
    const cfg = resolveConfig({ env: {}, flags: { faults: ['wrong-status'] } });
    expect(Object.isFrozen(cfg)).toBe(true);
    expect(Object.isFrozen(cfg.faults)).toBe(true);
  });

  it('rejects invalid values with a code that names the setting', () => {
    try {
      resolveConfig({ env: {}, flags: { engine: 'jmeter' as never } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HarnessError);
      expect((error as HarnessError).code).toBe('HARNESS_ERR_CONFIG_INVALID');
      expect((error as HarnessError).message).toMatch(/engine .*auto, k6, local/);
    }
  });

  it('names the variable when an env number is malformed', () => {
    expect(() => resolveConfig({ env: { HARNESS_SEED: 'abc' } })).toThrow(/HARNESS_SEED/);
  });

  it('bounds: defaults, env and flags, and a non-positive bound is refused', () => {
    const defaults = resolveConfig({ env: {} });
    expect([defaults.requestTimeoutMs, defaults.connectTimeoutMs, defaults.loadTimeoutMs]).toEqual([
      10_000,
      3_000,
      undefined,
    ]);
    const cfg = resolveConfig({
      env: {
        HARNESS_REQUEST_TIMEOUT_MS: '2500',
        HARNESS_CONNECT_TIMEOUT_MS: '700',
        HARNESS_LOAD_TIMEOUT_MS: '60000',
      },
      flags: { requestTimeoutMs: 1200 },
    });
    expect([cfg.requestTimeoutMs, cfg.connectTimeoutMs, cfg.loadTimeoutMs]).toEqual([1200, 700, 60_000]);
    expect(() => resolveConfig({ env: { HARNESS_LOAD_TIMEOUT_MS: 'soon' } })).toThrow(
      /HARNESS_LOAD_TIMEOUT_MS/,
    );
    expect(() => resolveConfig({ env: {}, flags: { requestTimeoutMs: 0 } })).toThrow(/requestTimeoutMs/);
  });

  it('keeps DEFAULTS equal to the schema defaults', () => {
    const schema = JSON.parse(readFileSync('schemas/harness-config.schema.json', 'utf8')) as {
      properties: Record<string, { default?: unknown }>;
    };
    const schemaDefaults = Object.fromEntries(
      Object.entries(schema.properties)
        .filter(([, p]) => p.default !== undefined)
        .map(([k, p]) => [k, p.default]),
    );
    expect({ ...DEFAULTS }).toEqual(schemaDefaults);
  });
});
