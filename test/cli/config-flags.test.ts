import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { HarnessConfig } from '../../src/config/index.js';
import { addConfigFlags, configFromFlags } from '../../src/cli/config-flags.js';

async function parse(args: string[]): Promise<Readonly<HarnessConfig>> {
  let result: Readonly<HarnessConfig> | undefined;
  const cmd = new Command('x').exitOverride();
  addConfigFlags(cmd, [
    'target',
    'timeScale',
    'realTime',
    'fault',
    'seed',
    'requestTimeout',
    'profile',
  ]).action(async (flags: Parameters<typeof configFromFlags>[0]) => {
    result = await configFromFlags(flags);
  });
  await cmd.parseAsync(args, { from: 'user' });
  if (result === undefined) throw new Error('action did not run');
  return result;
}

describe('config flags shared by verify, load and run', () => {
  it('maps flags onto the config, faults repeatable, numbers parsed', async () => {
    const cfg = await parse([
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

  it('--real-time means time scale 1 and contradicts --time-scale', async () => {
    expect((await parse(['--real-time'])).timeScale).toBe(1);
    await expect(parse(['--real-time', '--time-scale', '0.1'])).rejects.toThrow(/contradict/);
  });

  it('names the flag when a number is malformed', async () => {
    await expect(parse(['--seed', 'abc'])).rejects.toThrow(/--seed "abc" is not a number/);
  });

  it('rejects a profile outside the documented choices', async () => {
    await expect(parse(['--profile', 'huge'])).rejects.toThrow(
      /Allowed choices are smoke, load, stress, soak, nightly/,
    );
  });
});
