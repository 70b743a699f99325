import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunDir } from '../../src/run/index.js';

describe('run folders and reports/latest', () => {
  let reports: string;
  beforeEach(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-rundir-'));
  });
  afterEach(() => rmSync(reports, { recursive: true, force: true }));

  it('creates nothing until a file is written, and moves latest only with a result', () => {
    const first = createRunDir(reports, '20260101-000000-aaaa');
    first.write('verify.json', '{}');
    expect(readlinkSync(join(reports, 'latest'))).toBe(first.id);

    // A run that never measured anything (target down): no folder, then only its run.json.
    const down = createRunDir(reports, '20260102-000000-bbbb');
    expect(existsSync(down.path)).toBe(false);
    down.write('run.json', '{"status":"failed-to-start"}', { latest: false });
    expect(existsSync(join(down.path, 'run.json'))).toBe(true);
    expect(readlinkSync(join(reports, 'latest'))).toBe(first.id);

    const next = createRunDir(reports, '20260103-000000-cccc');
    next.write('load-run.json', '{}');
    expect(readlinkSync(join(reports, 'latest'))).toBe(next.id);
  });
});
