import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { writeBaselineRun } from '../fixtures/baseline-run.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples, verifyFixture } from '../fixtures/rich-run.js';
import { firstScreen } from './open-in-chromium.js';

/**
 * Issue 12: the HTML report of a failing run opens with a verdict block. A run with a contract
 * failure (verifyFixture: error-body), a crossed threshold and a regression (executeWorkflow
 * 60 % slower than the baseline) is rendered in Chromium; the first screen, unscrolled, must
 * name all three. The screenshot is kept under reports/ to be looked at.
 */
const SHOT_DIR = resolve('reports', 'screenshots');
const SHOT = join(SHOT_DIR, 'verdict-first-screen.png');

describe('the verdict block, first screen in Chromium', () => {
  let reports: string;
  let failing: string;
  let passing: string;

  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'harness-verdict-'));
    await writeBaselineRun(reports, 3);
    const id = fixtureRunId();
    const loadRun = (ok: boolean) => ({
      engine: { kind: 'local', requested: 'local', reason: 'fixture' },
      thresholds: [
        { metric: 'contract_violations', expression: 'rate==0', ok: true },
        {
          metric: 'http_req_duration{endpoint:executeWorkflow,workflow:fast}',
          expression: 'p(95)<15000',
          ok,
        },
      ],
      credits: { spent: 1230, budget: 10000, budgetSource: 'default', budgetSpent: false },
    });
    failing = writeRunFolder(reports, { runId: id, exitCode: 1 }, richSamples(4, 6, 1.6), {
      'verify.json': verifyFixture(id),
      'load-run.json': loadRun(false),
    });
    await writeReport(reports, failing);
    const cleanId = fixtureRunId();
    const verify = verifyFixture(cleanId) as { checks: { outcome: string; failures: unknown[] }[] };
    verify.checks = verify.checks.filter((c) => c.outcome !== 'failed');
    passing = writeRunFolder(reports, { runId: cleanId, exitCode: 0 }, richSamples(5), {
      'verify.json': { ...verify, summary: { passed: 1, failed: 0, skipped: 1 } },
      'load-run.json': loadRun(true),
    });
    await writeReport(reports, passing);
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  it('a failing run: the first screen names the contract failure, the crossed threshold and the regression', async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    const text = await firstScreen(join(failing, 'index.html'), SHOT);
    console.log(`[verdict] screenshot of the first screen: ${SHOT}`);
    expect(existsSync(SHOT) && statSync(SHOT).size > 10_000).toBe(true);
    expect(text).toMatch(/Verdict: FAIL/);
    expect(text).toMatch(/Contract failures: 1/);
    expect(text).toContain('error-body: Received: number / Documented: string');
    expect(text).toMatch(/Crossed thresholds: 1 of 2/);
    expect(text).toContain('http_req_duration{endpoint:executeWorkflow,workflow:fast}: p(95)<15000');
    expect(text).toMatch(/Regressions against baseline \S+: 1/);
    expect(text).toMatch(/http_req_duration executeWorkflow: p95 \+\d/);
    expect(text).toContain('Credits spent: 1,230 of a 10,000 budget');
  });

  it('a clean run: PASS, nothing crossed or regressed, the skipped check listed as not covered', async () => {
    const text = await firstScreen(join(passing, 'index.html'), join(passing, 'first-screen.png'));
    expect(text).toMatch(/Verdict: PASS/);
    expect(text).toMatch(/Contract failures: 0/);
    expect(text).toMatch(/Crossed thresholds: 0 of 2/);
    expect(text).toMatch(/Regressions against baseline \S+: 0/);
    expect(text).toContain('credits (profile has no key without credits)');
  });
});
