import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { writeBaselineRun } from '../fixtures/baseline-run.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples, verifyFixture } from '../fixtures/rich-run.js';
import { chromiumTool, titled } from '../support/required-tool.js';
import { openReport } from './open-in-chromium.js';

const browser = chromiumTool();

describe('the report in headless Chromium', () => {
  let reports: string;
  let runDir: string;

  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'harness-browser-'));
    await writeBaselineRun(reports, 3);
    const id = fixtureRunId();
    runDir = writeRunFolder(reports, { runId: id }, richSamples(4, 6, 1.3), {
      'verify.json': verifyFixture(id),
    });
    await writeReport(reports, runDir);
  });
  afterAll(() => {
    if (process.env.KEEP_REPORT !== '1') rmSync(reports, { recursive: true, force: true });
  });

  it.skipIf(browser.skip !== false)(
    titled('renders every chart with no script error and no network, and saves a screenshot', browser),
    async () => {
      browser.need();
      const screenshot = join(runDir, 'screenshot.png');
      const check = await openReport(join(runDir, 'index.html'), screenshot);
      expect(check.errors).toEqual([]);
      expect(check.externalRequests).toEqual([]);
      expect(check.canvases).toBe(6);
      expect(check.charts).toBe(check.canvases);
      for (const painted of check.paintedPixels) expect(painted).toBeGreaterThan(50);
      expect(existsSync(screenshot) && statSync(screenshot).size > 10_000).toBe(true);
      // The fixture's hostile failure value stayed text: its onerror never ran.
      expect(check.injected).toBe(false);
    },
  );
});
