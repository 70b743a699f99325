import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type ResolvedTarget } from '../../src/target/index.js';
import {
  printPretty,
  runVerify,
  verifyConsole,
  type CheckResult,
  type VerifyResult,
} from '../../src/verify/index.js';

const storedConversations = async (baseUrl: string): Promise<number> =>
  ((await (await fetch(`${baseUrl}/__reference/info`)).json()) as { conversations: number }).conversations;

/**
 * Each check's result reaches the console while the others still run. The proof needs no
 * clock: when the first result arrives, the reference has stored fewer conversations than
 * it has at the end (later checks are still creating them).
 */
describe('streamed verify output', () => {
  let target: ResolvedTarget;
  let result: VerifyResult;
  const streamed: CheckResult[] = [];
  let atFirst: Promise<number> | undefined;
  let printed = '';

  beforeAll(async () => {
    target = await startEmbedded({ timeScale: 0.02, faults: ['mistyped-field'] });
    const out = verifyConsole(false, (text) => (printed += text));
    result = await runVerify(
      { timeScale: 0.02, faults: ['mistyped-field'], seed: 4, reportsDir: 'reports' },
      target,
      {
        write: false,
        onStart: (header, ids) => out.onStart(header, ids),
        onCheck: (check) => {
          atFirst ??= storedConversations(target.profile.baseUrl);
          streamed.push(check);
          out.onCheck(check);
        },
      },
    );
    out.end(result);
  }, 120_000);
  afterAll(() => target.stop());

  it('hands over each check once, before the run ends', async () => {
    expect(streamed.map((c) => c.id).sort()).toEqual(result.checks.map((c) => c.id));
    expect(await atFirst).toBeLessThan(await storedConversations(target.profile.baseUrl));
  });

  it('prints the same rows and summary as the whole table, header first', () => {
    const whole = printPretty(result);
    const lines = printed.trimEnd().split('\n');
    expect(lines[0]).toBe(whole.split('\n')[0]);
    expect([...lines].sort()).toEqual(whole.trimEnd().split('\n').sort());
    expect(lines.at(-1)).toMatch(/^FAILED: \d+ passed, [1-9]\d* failed/);
  });
});
