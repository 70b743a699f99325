import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listScenarios } from '../../src/load/list-scenarios.js';

/** The scenarios `harness load` can run (and `--help` lists): the entry points, never their libraries. */

const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scenarios a user can run', () => {
  it('are the .ts files of the folder, sorted, without declarations, other files or what lib/ holds', () => {
    for (const f of ['mixed.ts', 'alpha.ts', 'types.d.ts', 'README.md', 'notes.ts.bak'])
      writeFileSync(join(dir, f), '');
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'env.ts'), '');
    expect(listScenarios(dir)).toEqual(['alpha', 'mixed']);
  });

  it('in the repository: the four scenarios the load profiles plan, and `all`', () => {
    expect(listScenarios()).toEqual([
      'all',
      'background-polling',
      'mixed',
      'sync-latency',
      'timeout-boundary',
    ]);
  });
});
