import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSampleFiles } from '../../src/compare/index.js';
import { HarnessError } from '../../src/errors/index.js';

/**
 * Which files of a run folder a comparison reads: every samples*.json[.gz] (one per scenario, or
 * one for the whole run) in name order, nothing else the folder holds.
 */
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'harness-sample-files-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: readonly string[]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const f of files) writeFileSync(join(dir, f), '');
  return dir;
}

describe('runSampleFiles', () => {
  it('reads every samples*.json and samples*.json.gz of the folder, in name order', () => {
    const wanted = [
      'samples-a-login.json.gz',
      'samples-b-execute.json',
      'samples-c-poll.json.gz',
      'samples-d.json.gz',
      'samples-e.json',
      'samples.json',
      'samples.json.gz',
    ];
    // Created in reverse order, so a listing in creation or hash order is not already sorted.
    const dir = folder('per-scenario', [...wanted].reverse());
    expect(runSampleFiles(dir)).toEqual(wanted);
  });

  it('ignores the other files of a run folder, including near-misses of the samples name', () => {
    const dir = folder('others', [
      'run.json',
      'summary.json',
      'old-samples.json.gz',
      'samples.json.gz.tmp',
      'samples.json.bak',
      'samples.txt',
      'samples.json',
    ]);
    expect(runSampleFiles(dir)).toEqual(['samples.json']);
  });

  it('an uncompressed samples.json alone is read', () => {
    expect(runSampleFiles(folder('plain', ['samples.json', 'run.json']))).toEqual(['samples.json']);
  });

  it('a folder without samples names samples.json.gz, so the reader reports that file as missing', () => {
    expect(runSampleFiles(folder('empty', []))).toEqual(['samples.json.gz']);
    expect(runSampleFiles(folder('manifest-only', ['run.json']))).toEqual(['samples.json.gz']);
  });

  it('a missing folder is HARNESS_ERR_RUN_NOT_FOUND, naming the folder, with a hint to list runs', () => {
    const missing = join(root, 'no-such-run');
    let error: unknown;
    try {
      runSampleFiles(missing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HarnessError);
    const harness = error as HarnessError;
    expect(harness.code).toBe('HARNESS_ERR_RUN_NOT_FOUND');
    expect(harness.message).toContain(missing);
    expect(harness.hint).toMatch(/ls reports\/.*name one by its id or path/);
  });
});
