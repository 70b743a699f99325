import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReference, type RunningReference } from '../../reference/index.js';
import { main } from '../../src/cli/main.js';
import { guessConversation, loadProfile, stripLineComments } from '../../src/target/index.js';

describe('harness target init <url>', () => {
  let ref: RunningReference;
  const dir = mkdtempSync(join(tmpdir(), 'target-init-'));
  beforeAll(async () => {
    ref = await startReference({ port: 0, timeScale: 0.02, seed: 4 });
  });
  afterAll(async () => {
    await ref.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('writes a commented profile that loads, with learned outputs and guessed conversation pointers', async () => {
    vi.stubEnv('HARNESS_API_KEY', ref.keys.full);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main([
      'target',
      'init',
      ref.url,
      '--name',
      'local-ref',
      '--dir',
      dir,
      '--workflow',
      'conversational:chat@1',
      '--input',
      '{"Message": "hello"}',
    ]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'local-ref.json'), 'utf8');
    expect(text).toMatch(/^\s*\/\/ /m);
    expect(text).not.toContain(ref.keys.full);
    const profile = loadProfile('local-ref', dir);
    expect(profile).toMatchObject({ name: 'local-ref', baseUrl: ref.url, apiKeyEnv: 'HARNESS_API_KEY' });
    expect(profile.workflows.fast.outputComponents).toEqual({
      'Analysis Results': 'text',
      'Risk Score': 'number',
    });
    expect(Object.keys(profile.workflows.conversational?.outputComponents ?? {}).length).toBeGreaterThan(0);
    expect(profile.conversation).toMatchObject({
      statusPointer: '/status',
      outputPointer: '/output',
      creditUsagePointer: '/creditUsage',
      historyPointer: '/turns',
      creditAccounting: 'undeclared',
    });
  });

  it('refuses to overwrite without --force', async () => {
    vi.stubEnv('HARNESS_API_KEY', ref.keys.full);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['target', 'init', ref.url, '--name', 'local-ref', '--dir', dir])).toBe(2);
  });

  it('comments are stripped outside strings only; pointers are guessed from top-level fields', () => {
    expect(JSON.parse(stripLineComments('{ // c\n "a": "http://127.0.0.1//y" // d\n}'))).toEqual({
      a: 'http://127.0.0.1//y',
    });
    expect(guessConversation({ state: 'done', results: {}, creditsUsed: 2, history: [] })).toEqual({
      statusPointer: '/state',
      outputPointer: '/results',
      creditUsagePointer: '/creditsUsed',
      historyPointer: '/history',
    });
  });
});
