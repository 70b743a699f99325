import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunSamples, readSamples } from '../../src/compare/index.js';
import { HarnessError } from '../../src/errors/index.js';
import { k6JsonOutput } from '../fixtures/k6-json-output.js';

/** readSamples: a k6 JSON output file into memory, its declarations included; a missing file said plainly. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'harness-samples-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSamples', () => {
  it('returns the points and the metrics the file declares', async () => {
    const file = join(dir, 'samples.json.gz');
    const tags = { endpoint: 'execute', status: '200' };
    writeFileSync(
      file,
      k6JsonOutput(
        [
          { metric: 'http_req_duration', time: Date.UTC(2026, 0, 1), value: 12, tags },
          { metric: 'credits_used', time: Date.UTC(2026, 0, 1), value: 3, tags },
        ],
        { credits_used: { type: 'counter', contains: 'default' } },
      ),
    );
    const set = await readSamples(file);
    expect(set.points.map((p) => [p.metric, p.value])).toEqual([
      ['http_req_duration', 12],
      ['credits_used', 3],
    ]);
    expect(set.metrics.get('credits_used')).toEqual({
      name: 'credits_used',
      type: 'counter',
      contains: 'default',
    });
    expect(set.metrics.get('http_req_duration')?.contains).toBe('time');
    expect(set.badLines).toBe(0);
  });

  it('an empty run folder is HARNESS_ERR_RUN_INCOMPLETE naming its samples.json.gz, with a hint to point at a run', async () => {
    const run = join(dir, 'empty-run');
    mkdirSync(run);
    const error = await readRunSamples(run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('HARNESS_ERR_RUN_INCOMPLETE');
    expect((error as HarnessError).message).toContain(join(run, 'samples.json.gz'));
    expect((error as HarnessError).hint).toMatch(/run folder written by `harness run` or `harness load`/);
  });
});
