import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/local-engine.mjs', import.meta.url));
const SCRIPT = fileURLToPath(
  new URL('../conformance/scripts/segments-shared-iterations.mjs', import.meta.url),
);

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'run', '-q', ...args], { timeout: 60_000 }, (error, _out, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stderr }),
    );
  });
}

describe('local-engine run refuses a bad execution segment before the test starts', () => {
  const summary = ['-e', `SUMMARY_FILE=${join(mkdtempSync(join(tmpdir(), 'segments-cli-')), 's.json')}`];

  it("names a malformed segment flag with k6's message (exit 104)", async () => {
    const r = await cli([...summary, '--execution-segment', '1/2:abc', SCRIPT]);
    expect(r.code).toBe(104);
    expect(r.stderr).toContain('HARNESS_ERR_EXECUTION_SEGMENT');
    expect(r.stderr).toContain("'abc' is not a valid percentage, decimal, fraction or interval value");
  });

  it('refuses a sequence without one of its segments, as k6 does', async () => {
    const r = await cli([...summary, '--execution-segment-sequence', '0,1/4,1/2,1', SCRIPT]);
    expect(r.code).toBe(104);
    expect(r.stderr).toContain("provided segment 0:1 can't be found in sequence 0,1/4,1/2,1");
  });

  it('reads the script options executionSegment / executionSegmentSequence, and refuses a bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segments-option-'));
    const script = join(dir, 'bad-segment.mjs');
    writeFileSync(
      script,
      "export const options = { executionSegment: '3/4:1/2', iterations: 2 };\nexport default function () {}\n",
    );
    const r = await cli([script]);
    expect(r.code).toBe(104);
    expect(r.stderr).toContain('segment start(0.75) must be less than its end(0.50)');
    const good = join(dir, 'good-segment.mjs');
    writeFileSync(
      good,
      "export const options = { executionSegment: '1/2:1', executionSegmentSequence: '0,1/2,1', iterations: 2 };\nexport default function () {}\n",
    );
    expect((await cli([good])).code).toBe(0);
  });
});
