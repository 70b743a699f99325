import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseK6Version, selectEngine } from '../../src/load/select-engine.js';
import { fakeK6 } from './fake-k6.js';

/**
 * Which engine a load run uses and what the user is told: k6 from K6_BIN or PATH when it runs and
 * is new enough, the local engine otherwise (auto), and for --engine k6 an error naming exactly
 * what is wrong with the k6 it found.
 */

const dir = mkdtempSync(join(tmpdir(), 'engine-choice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** An executable that prints `text` on the given stream for `k6 version`. */
const printing = (name: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): string => {
  const bin = join(dir, name);
  writeFileSync(bin, `#!${process.execPath}\nprocess.${stream}.write(${JSON.stringify(text)});\n`);
  chmodSync(bin, 0o755);
  return bin;
};

describe('k6 version strings', () => {
  it('with or without the v, with a pre-release or build suffix', () => {
    expect(parseK6Version('k6 1.4.2 (go1.24.4)')).toBe('1.4.2');
    expect(parseK6Version('k6 v10.12.34 (go1.24.4)')).toBe('10.12.34');
    expect(parseK6Version('k6 v2.0.0-rc.1 (go1.24.4)')).toBe('2.0.0-rc.1');
    expect(parseK6Version('k6 v1.2.3+build.5 (go1.24.4)')).toBe('1.2.3+build.5');
  });

  it('a build without a version is not mistaken for its Go version', () => {
    expect(parseK6Version('k6 (devel) (go1.24.4, linux/amd64)')).toBeUndefined();
    expect(parseK6Version('k6 v1.2 (go1.24.4)')).toBeUndefined();
  });
});

describe('choosing the engine', () => {
  it('k6 1.0.0 is supported: the oldest major the harness accepts', () => {
    const { bin } = fakeK6('1.0.0');
    expect(selectEngine('k6', { PATH: '/nonexistent', K6_BIN: bin })).toEqual({
      kind: 'k6',
      requested: 'k6',
      binary: bin,
      version: '1.0.0',
      reason: `k6: k6 1.0.0 at ${bin}`,
    });
  });

  it('--engine local uses the local engine even when a usable k6 is there', () => {
    const { bin } = fakeK6('2.2.0');
    expect(selectEngine('local', { PATH: '/nonexistent', K6_BIN: bin })).toEqual({
      kind: 'local',
      requested: 'local',
      reason: 'local: requested with --engine local',
    });
  });

  it('an empty K6_BIN means k6 from PATH', () => {
    const { bin } = fakeK6('2.2.0');
    const choice = selectEngine('auto', { PATH: join(bin, '..'), K6_BIN: '' });
    expect(choice).toMatchObject({
      kind: 'k6',
      binary: 'k6',
      version: '2.2.0',
      reason: 'auto: k6 2.2.0 at k6',
    });
  });

  it('a version on stderr counts', () => {
    const bin = printing('stderr-k6', 'k6 v1.5.0 (go1.24.4)\n', 'stderr');
    expect(selectEngine('auto', { PATH: '/nonexistent', K6_BIN: bin })).toMatchObject({
      kind: 'k6',
      version: '1.5.0',
    });
  });

  it('auto without k6: the local engine, and why', () => {
    expect(selectEngine('auto', { PATH: '/nonexistent' })).toEqual({
      kind: 'local',
      requested: 'auto',
      reason: 'auto: no k6 on PATH and K6_BIN unset; using the local engine',
    });
  });

  it('a K6_BIN that cannot run: named with the system’s reason', () => {
    const missing = join(dir, 'no-such-k6');
    expect(selectEngine('auto', { PATH: '/nonexistent', K6_BIN: missing }).reason).toBe(
      `auto: K6_BIN=${missing} cannot run (ENOENT); using the local engine`,
    );
    expect(() => selectEngine('k6', { PATH: '/nonexistent', K6_BIN: missing })).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_K6_UNAVAILABLE',
        message: `--engine k6: K6_BIN=${missing} cannot run (ENOENT)`,
      }),
    );
  });

  it('a k6 that prints no version, or one older than 1.0: refused, saying which', () => {
    const silent = printing('silent-k6', 'hello\n');
    expect(() => selectEngine('k6', { PATH: '/nonexistent', K6_BIN: silent })).toThrow(
      expect.objectContaining({ message: `--engine k6: \`${silent} version\` printed no version` }),
    );
    const { bin } = fakeK6('0.57.0');
    expect(() => selectEngine('k6', { PATH: '/nonexistent', K6_BIN: bin })).toThrow(
      expect.objectContaining({
        message: '--engine k6: k6 0.57.0 is older than 1.0, the oldest the harness supports',
      }),
    );
  });
});
