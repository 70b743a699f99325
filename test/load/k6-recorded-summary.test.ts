import { beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import {
  DashboardWatcher,
  isClassicSummaryData,
  thresholdLines,
  thresholdsJunit,
} from '../../src/load/index.js';
import { measureFromSamples } from '../../src/load/measure-from-samples.js';
import { CROSSED } from './crossing-thresholds.js';
import { type RecordedRun, recordedRun } from './recorded-k6.js';

// What real k6 v2.2.0 wrote for sync-latency with CROSSING_THRESHOLDS (recorded, so CI without
// k6 runs every parser of k6 output on it): the classic handleSummary data, the raw samples,
// and k6's log lines.
let run: RecordedRun;
beforeAll(async () => {
  run = await recordedRun();
});

describe('load-summary.json from a recorded real-k6 run', () => {
  it('k6 exited 99 and its data is what the harness reads', () => {
    expect(run.meta).toMatchObject({ k6Version: '2.2.0', exitCode: 99 });
    expect(isClassicSummaryData(run.data)).toBe(true);
    expect(isClassicSummaryData({ version: '1.0.0', results: { metrics: [] } })).toBe(false);
  });

  it('conforms to schemas/load-summary.schema.json and lists every threshold with its verdict', () => {
    expect(new ContractValidator().validate('load-summary.schema.json', run.summary).errors).toEqual([]);
    expect(run.summary.thresholds.map((t) => [t.metric, t.expression, t.ok])).toEqual([
      ['contract_violations', 'rate==0', true],
      ['http_req_duration{endpoint:executeWorkflow,workflow:fast}', 'p(95)<600', true],
      ['http_req_duration{scenario:sync-latency}', 'p(99)<0.001', false],
      ['http_req_failed{scenario:sync-latency}', 'rate<0.01', true],
      ['http_reqs', 'count>0', true],
      ['workflow_latency', 'p(95)<0.001', false],
    ]);
    for (const crossed of CROSSED)
      expect(run.summary.thresholds).toContainEqual(expect.objectContaining(crossed));
    expect(run.summary.thresholdsPassed).toBe(false);
    expect(run.summary.metrics.map((m) => m.name)).toEqual(
      [...run.summary.metrics.map((m) => m.name)].sort(),
    );
  });

  it("takes a statistic k6 summarised from k6's own summary", () => {
    const t = run.summary.thresholds.find((x) => x.metric === 'workflow_latency');
    expect(t?.measured).toBe(run.data.metrics.workflow_latency?.values['p(95)']);
    expect(t?.measuredFrom).toBe('summary');
  });

  it('computes one k6 did not summarise (p(99)) from the raw samples, the way k6 computes the others', () => {
    const key = 'http_req_duration{scenario:sync-latency}';
    const own = run.data.metrics[key].values;
    const parts = { name: 'http_req_duration', tags: { scenario: 'sync-latency' }, operator: '<', limit: 1 };
    // Checked against the statistics k6 did write for the same sub-metric.
    for (const stat of ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'])
      expect(measureFromSamples(run.samples, { ...parts, aggregation: stat })).toBeCloseTo(own[stat], 9);
    const p99 = run.summary.thresholds.find((x) => x.metric === key)?.measured ?? Number.NaN;
    expect(p99).toBeGreaterThanOrEqual(own['p(95)']);
    expect(p99).toBeLessThanOrEqual(own.max);
    expect(
      measureFromSamples(run.samples, { ...parts, tags: { scenario: 'other' }, aggregation: 'p(99)' }),
    ).toBe(undefined);
  });

  it('names each crossed threshold with its value and limit on the console and in JUnit', () => {
    const lines = thresholdLines(run.summary.thresholds);
    expect(lines[0]).toBe('thresholds (2 crossed of 6):');
    const p95 = Number(run.data.metrics.workflow_latency.values['p(95)'].toPrecision(4));
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `✗ CROSSED workflow_latency p\\(95\\)<0\\.001 +measured p\\(95\\) = ${p95}, limit 0\\.001$`,
        ),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/✓ ok +http_reqs count>0 +measured count = 31, limit 0$/),
    );
    const xml = thresholdsJunit('load sync-latency (smoke)', run.summary.thresholds, [], 3);
    expect(xml).toContain('tests="6" failures="2"');
    expect(xml).toContain(`message="threshold crossed: p(95) = ${p95}, limit 0.001 (p(95)&lt;0.001)"`);
  });

  it("explains the missing dashboard export with k6's own words", () => {
    const watcher = new DashboardWatcher();
    // Fed in uneven chunks, as a child's output arrives.
    const text = `${run.meta.logLines.join('\n')}\n`;
    for (let i = 0; i < text.length; i += 37) watcher.scan(text.slice(i, i + 37));
    expect(watcher.outcome({ K6_WEB_DASHBOARD_HOST: '127.0.0.1' }, {}, false)).toEqual({
      host: '127.0.0.1',
      exported: false,
      reason: 'k6: The test run was short, report generation was skipped (not enough data)',
    });
    expect(new DashboardWatcher().outcome({ K6_WEB_DASHBOARD_HOST: '127.0.0.1' }, {}, true)).toEqual({
      host: '127.0.0.1',
      exported: true,
    });
  });
});
