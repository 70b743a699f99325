import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples } from '../fixtures/rich-run.js';

describe('harness baseline save / compare (CLI)', () => {
  let reports: string;
  let slow: string;
  beforeAll(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-compare-cli-'));
    writeRunFolder(reports, { runId: fixtureRunId(new Date('2026-11-01T00:00:00Z')) }, richSamples(1));
    slow = writeRunFolder(
      reports,
      { runId: fixtureRunId(new Date('2026-11-02T00:00:00Z')) },
      richSamples(2, 6, 1.5),
    );
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  it('without a saved baseline, compare says so, how to save one, and exits 0', async () => {
    const res = await runCli(['compare', '--reports-dir', reports], {});
    expect(res.stdout).toMatch(/no baseline yet for target=fixture profile=smoke[\s\S]*baseline save/);
    expect(res.code).toBe(0);
  });

  it('flags the slowed endpoint and exits 1; --min-effect above the change exits 0', async () => {
    const runs = await import('../../src/history/index.js').then((m) => m.listRuns(reports));
    expect((await runCli(['baseline', 'save', runs[0], '--reports-dir', reports], {})).code).toBe(0);
    const res = await runCli(['compare', '--reports-dir', reports], {});
    expect(res.stdout).toMatch(/executeWorkflow\s.*REGRESSION/);
    expect(res.stdout).not.toMatch(/getConversationById\s.*REGRESSION/);
    expect(res.code).toBe(1);
    const lenient = await runCli(
      ['compare', '--current', slow, '--min-effect', '2', '--reports-dir', reports],
      {},
    );
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('no regression');
  });

  it('rejects a bad --min-effect with a usage error', async () => {
    const res = await runCli(['compare', '--min-effect', 'ten', '--reports-dir', reports], {});
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/HARNESS_ERR_USAGE/);
  });
});
