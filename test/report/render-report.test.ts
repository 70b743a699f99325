import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, writeReport } from '../../src/report/index.js';
import { writeBaselineRun } from '../fixtures/baseline-run.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';
import { richSamples, verifyFixture } from '../fixtures/rich-run.js';

describe('writeReport', () => {
  let reports: string;
  let current: string;
  let html: string;

  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'harness-report-'));
    await writeBaselineRun(reports, 1);
    const id = fixtureRunId();
    current = writeRunFolder(
      reports,
      { runId: id, gitCommit: 'abc1234', seed: 7, exitCode: 1 },
      richSamples(2, 6, 1.5),
      {
        'verify.json': verifyFixture(id),
        'load-run.json': {
          engine: 'local',
          detectionLag: { medianMs: 40, p95Ms: 90 },
          pollsPerExecution: { median: 3 },
        },
      },
    );
    html = readFileSync((await writeReport(reports, current)).file, 'utf8');
  });
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  it('escapes data in text and in the embedded JSON', () => {
    expect(escapeHtml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(jsonForScript({ s: '</script>' })).not.toContain('</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x');
  });

  it('is self-contained: chart.js inlined, no external URL loaded', () => {
    expect(html).toMatch(/Chart\.js v4/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
  });

  it('shows metadata, the contract table with failure details, percentiles, load-run facts and the baseline comparison', () => {
    expect(html).toContain('abc1234');
    expect(html).toMatch(/1 passed.*1 failed.*1 skipped/s);
    expect(html).toContain('Received: <code>');
    expect(html).toContain('profile has no key without credits');
    expect(html).toContain('detectionLag.medianMs');
    for (const ep of ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'])
      expect(html).toContain(`<td class="">${ep}</td>`);
    // executeWorkflow was slowed by 50 % in the current run: the comparison flags it.
    const comparison = /<section id="comparison">.*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(comparison).toMatch(
      /executeWorkflow<\/td>(?:<td[^>]*>[^<]*<\/td>){6}<td class="verdict regression">regression/,
    );
    expect(comparison).toMatch(
      /getConversationById<\/td>(?:<td[^>]*>[^<]*<\/td>){6}<td class="verdict no-change">/,
    );
    expect(comparison).not.toContain('credits_used');
  });

  it('embeds one chart spec per chart, including the trend over both runs', () => {
    const specs = JSON.parse(
      /<script type="application\/json" id="chart-specs">(.*?)<\/script>/s.exec(html)![1],
    ) as { id: string; config: { data: { labels?: string[] } } }[];
    expect(specs.map((s) => s.id)).toEqual([
      'chart-percentiles',
      'chart-histogram',
      'chart-throughput',
      'chart-completion',
      'chart-timeouts',
      'chart-trend',
    ]);
    expect(specs.find((s) => s.id === 'chart-trend')!.config.data.labels).toHaveLength(2);
    expect(html).toMatch(/detection lag median 40 ms, p95 90 ms/);
  });
});

describe('writeReport on a folder written by `harness verify` alone', () => {
  it('renders the contract table and says there are no samples, instead of failing', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'harness-report-verify-'));
    try {
      const id = fixtureRunId();
      const dir = join(reports, id);
      mkdirSync(dir);
      writeFileSync(join(dir, 'verify.json'), JSON.stringify(verifyFixture(id)));
      const html = readFileSync((await writeReport(reports, dir)).file, 'utf8');
      expect(html).toContain('No raw samples in this run.');
      expect(html).toMatch(/1 passed.*1 failed.*1 skipped/s);
      expect(html).toContain('<td class="key">target</td><td class="">fixture</td>');
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
