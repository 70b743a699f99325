import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addConfigFlags, configFromFlags } from '../../src/cli/config-flags.js';

function parse(args: string[]): Readonly<ReturnType<typeof configFromFlags>> {
  let result: ReturnType<typeof configFromFlags> | undefined;
  const cmd = new Command('x').exitOverride();
  addConfigFlags(cmd, [
    'target',
    'timeScale',
    'realTime',
    'fault',
    'seed',
    'requestTimeout',
    'profile',
  ]).action((flags: Parameters<typeof configFromFlags>[0]) => {
    result = configFromFlags(flags);
  });
  cmd.parse(args, { from: 'user' });
  if (result === undefined) throw new Error('action did not run');
  return result;
}

describe('config flags shared by verify, load and run', () => {
  it('maps flags onto the config, faults repeatable, numbers parsed', () => {
    const cfg = parse([
      '--fault',
      'renamed-field',
      '--fault',
      'wrong-status',
      '--seed',
      '7',
      '--request-timeout',
      '500',
      '--profile',
      'load',
    ]);
    expect(cfg.faults).toEqual(['renamed-field', 'wrong-status']);
    expect(cfg.seed).toBe(7);
    expect(cfg.requestTimeoutMs).toBe(500);
    expect(cfg.loadProfile).toBe('load');
  });

  it('--real-time means time scale 1 and contradicts --time-scale', () => {
    expect(parse(['--real-time']).timeScale).toBe(1);
    expect(() => parse(['--real-time', '--time-scale', '0.1'])).toThrow(/contradict/);
  });

  it('names the flag when a number is malformed', () => {
    expect(() => parse(['--seed', 'abc'])).toThrow(/--seed "abc" is not a number/);
  });

  it('rejects a profile outside the documented choices', () => {
    expect(() => parse(['--profile', 'huge'])).toThrow(
      /Allowed choices are smoke, load, stress, soak, nightly/,
    );
  });
});
