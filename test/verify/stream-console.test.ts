import { describe, expect, it, vi } from 'vitest';
import { printCheck, printHeader, printSummary } from '../../src/verify/print-pretty.js';
import { verifyConsole } from '../../src/verify/stream-console.js';
import { checkResult, failure, verifyResult } from './result-fixture.js';

/**
 * The streamed console: rows aligned to the longest check id announced at the start, each
 * printed as it arrives, the summary at the end; under --ci one JSON object per line that a
 * pipeline can parse (start with the check count, each check, the summary with ok and the
 * failed ids).
 */
const passed = checkResult({ id: 'a-long-check-id' });
const failed = checkResult({ id: 'b', outcome: 'failed', failures: [failure({ check: 'b' })] });
const result = verifyResult([passed, failed], { notes: ['learned shape'] });
const ids = ['a-long-check-id', 'b'];
const header = { target: result.target, runId: result.runId, seed: result.seed, notes: result.notes };

function streamed(ci: boolean): string[] {
  const out: string[] = [];
  const console = verifyConsole(ci, (text) => out.push(text));
  console.onStart(header, ids);
  console.onCheck(failed);
  console.onCheck(passed);
  console.end(result);
  return out;
}

describe('streamed verify console', () => {
  it('prints the header, each row in arrival order aligned to the longest id, then the summary', () => {
    expect(streamed(false)).toEqual([
      printHeader(header, 15),
      printCheck(failed, 15),
      printCheck(passed, 15),
      printSummary(result),
    ]);
    expect(streamed(false)[1]?.split('\n')[0]).toBe(`FAIL  b${' '.repeat(17)}12 ms  1 violation(s)`);
  });

  it('--ci: one JSON object per line for the start, each check and the summary', () => {
    const lines = streamed(true);
    expect(lines.every((l) => l.endsWith('}\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events[0]).toEqual({
      event: 'start',
      target: result.target,
      runId: 'run-7',
      seed: 42,
      notes: ['learned shape'],
      checks: 2,
    });
    expect(events[1]).toEqual({ event: 'check', ...failed });
    expect(events[2]).toEqual({ event: 'check', ...passed });
    expect(events[3]).toEqual({
      event: 'summary',
      runId: 'run-7',
      seed: 42,
      ok: false,
      passed: 1,
      failed: 1,
      skipped: 0,
      failedChecks: ['b'],
    });
  });

  it('--ci: a run without failures closes ok with no failed checks', () => {
    const out: string[] = [];
    verifyConsole(true, (text) => out.push(text)).end(verifyResult([passed]));
    expect(JSON.parse(out[0] ?? '')).toMatchObject({
      event: 'summary',
      ok: true,
      failed: 0,
      failedChecks: [],
    });
  });

  it('writes to stdout unless told otherwise', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      verifyConsole(false).end(verifyResult([passed]));
      expect(write.mock.calls).toEqual([[printSummary(verifyResult([passed]))]]);
    } finally {
      write.mockRestore();
    }
  });
});
