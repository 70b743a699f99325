import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkMachineReadableSummary,
  createMetricsEngine,
  textSummary,
  type LegacySummaryData,
  type MachineReadableSummary,
  type MetricsEngine,
  type SummaryState,
} from '../../../src/engine/metrics/index.js';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

const STATE: SummaryState = {
  testRunDurationMs: 4000,
  isStdOutTTY: false,
  isStdErrTTY: true,
  checks: [
    { group: '', name: 'status is 200', passes: 3, fails: 1 },
    { group: '::login', name: 'has token', passes: 2, fails: 0 },
    { group: '::login::nested', name: 'deep', passes: 1, fails: 0 },
  ],
  groups: ['::login', '::login::nested'],
  options: {},
  scriptPath: 'script.js',
  setupData: { token: 'abc' },
};

function runEngine(): MetricsEngine {
  const engine = createMetricsEngine();
  engine.define('contract_violations', 'rate');
  engine.define('never_sampled', 'counter');
  engine.setThresholds({
    'http_req_duration{endpoint:execute}': ['p(95)<250'],
    http_req_failed: ['rate<0.5'],
    never_sampled: ['count>0'],
  });
  const t = 1_700_000_000_000;
  const add = (metric: string, value: number, tags: Record<string, string> = {}): void =>
    engine.add({ metric, time: t, value, tags });
  for (let i = 1; i <= 20; i++)
    add('http_req_duration', i * 10, {
      endpoint: i % 2 === 0 ? 'execute' : 'poll',
      expected_response: 'true',
    });
  for (let i = 0; i < 20; i++) add('http_reqs', 1);
  for (let i = 0; i < 20; i++) add('http_req_failed', i < 2 ? 1 : 0);
  add('vus', 3);
  add('vus', 5);
  add('vus', 1);
  add('data_received', 2500);
  for (const v of [1, 1, 1, 0, 1, 1]) add('checks', v);
  add('contract_violations', 0);
  return engine;
}

describe('legacySummary (handleSummary data)', () => {
  const data = runEngine().legacySummary(STATE) as LegacySummaryData;

  it('has k6 top-level keys, options and state', () => {
    expect(Object.keys(data).sort()).toEqual(['metrics', 'options', 'root_group', 'setup_data', 'state']);
    expect(data.options).toEqual({
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'],
      summaryTimeUnit: '',
      noColor: false,
    });
    expect(data.state).toEqual({ isStdOutTTY: false, isStdErrTTY: true, testRunDurationMs: 4000 });
    expect(data.setup_data).toEqual({ token: 'abc' });
  });

  it('builds root_group with md5 ids of group and check paths', () => {
    const root = data.root_group;
    expect(root).toMatchObject({ name: '', path: '', id: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(root.checks[0]).toMatchObject({
      name: 'status is 200',
      path: '::status is 200',
      passes: 3,
      fails: 1,
    });
    expect(root.checks[0].id).toBe(md5('::status is 200'));
    expect(root.groups[0]).toMatchObject({ name: 'login', path: '::login', id: md5('::login') });
    expect(root.groups[0].groups[0]).toMatchObject({ name: 'nested', path: '::login::nested' });
    expect(root.groups[0].groups[0].checks[0]).toMatchObject({ name: 'deep', path: '::login::nested::deep' });
  });

  it('gives each metric type its k6 values', () => {
    expect(data.metrics.http_reqs).toEqual({
      type: 'counter',
      contains: 'default',
      values: { count: 20, rate: 5 },
    });
    expect(data.metrics.vus).toEqual({
      type: 'gauge',
      contains: 'default',
      values: { value: 1, min: 1, max: 5 },
    });
    expect(data.metrics.checks.values).toEqual({ rate: 5 / 6, passes: 5, fails: 1 });
    expect(data.metrics.data_received).toMatchObject({
      contains: 'data',
      values: { count: 2500, rate: 625 },
    });
    const trend = data.metrics.http_req_duration;
    expect(trend.contains).toBe('time');
    expect(Object.keys(trend.values)).toEqual(['avg', 'min', 'med', 'max', 'p(90)', 'p(95)']);
    expect(trend.values).toMatchObject({ avg: 105, min: 10, max: 200, med: 105 });
  });

  it('lists a thresholded sub-metric as its own entry with only its samples, and thresholds with ok', () => {
    const sub = data.metrics['http_req_duration{endpoint:execute}'];
    expect(sub.values).toMatchObject({ min: 20, max: 200, avg: 110 });
    expect(sub.thresholds).toEqual({ 'p(95)<250': { ok: true } });
    expect(data.metrics.http_req_failed.thresholds).toEqual({ 'rate<0.5': { ok: true } });
    expect(data.metrics['http_req_duration{expected_response:true}'].values.max).toBe(200);
  });

  it('shows a thresholded metric without samples (k6 evaluates it as zero at the end), and hides unsampled others', () => {
    expect(data.metrics.never_sampled).toEqual({
      type: 'counter',
      contains: 'default',
      values: { count: 0, rate: 0 },
      thresholds: { 'count>0': { ok: false } },
    });
    expect(data.metrics.http_req_blocked).toBeUndefined();
  });

  it('honours summaryTrendStats from the script options', () => {
    const custom = runEngine().legacySummary({
      ...STATE,
      options: { summaryTrendStats: ['min', 'p(99.9)', 'count'] },
    }) as LegacySummaryData;
    const values = custom.metrics.http_req_duration?.values;
    expect(Object.keys(values ?? {})).toEqual(['min', 'p(99.9)', 'count']);
    expect(values?.min).toBe(10);
    expect(values?.count).toBe(20);
    expect(values?.['p(99.9)']).toBeCloseTo(199.81, 6);
  });
});

describe("machineReadableSummary (k6 v2.2.0's --new-machine-readable-summary)", () => {
  const summary = runEngine().machineReadableSummary({
    ...STATE,
    scriptSource: 'export default function () {}',
  }) as MachineReadableSummary;

  it("has k6's shape (checked by checkMachineReadableSummary)", () => {
    expect(checkMachineReadableSummary(summary)).toEqual([]);
  });

  it('the shape check can fail: a classic rate shape and camelCase metadata are reported with their paths', () => {
    const broken = structuredClone(summary) as unknown as {
      metadata: Record<string, unknown>;
      results: { metrics: { name: string; values: unknown }[] };
    };
    broken.results.metrics.find((m) => m.name === 'http_req_failed')!.values = {
      rate: 0.5,
      passes: 1,
      fails: 1,
    };
    broken.metadata = { generatedAt: 'x', k6Version: '1' };
    const problems = checkMachineReadableSummary(broken).join('\n');
    expect(problems).toMatch(/\/results\/metrics\/\d+\/values: keys/);
    expect(problems).toMatch(/\/metadata: keys/);
    expect(checkMachineReadableSummary({ version: 'one' }).length).toBeGreaterThan(0);
  });

  it('has no verdict, the script text, and checks flattened by name', () => {
    expect(summary.version).toBe('1.0.0');
    expect(summary.config).toEqual({
      duration: 4,
      execution: 'local',
      script: 'export default function () {}',
    });
    expect(summary.results).not.toHaveProperty('passed');
    expect(summary.results.checks.metrics.map((m) => m.name)).toEqual([
      'checks_total',
      'checks_failed',
      'checks_succeeded',
    ]);
    // 6 check samples, 1 failed: the total, the failed fraction and the succeeded fraction agree.
    expect(summary.results.checks.metrics[0]?.values).toEqual({ count: 6 });
    expect(summary.results.checks.metrics[1]?.values).toEqual({ matches: 1, rate: 1 / 6, total: 6 });
    expect(summary.results.checks.metrics[2]?.values).toEqual({ matches: 5, rate: 5 / 6, total: 6 });
    expect(summary.results.checks.results).toEqual([
      { fails: 1, name: 'status is 200', passes: 3 },
      { fails: 0, name: 'has token', passes: 2 },
      { fails: 0, name: 'deep', passes: 1 },
    ]);
    const byName = Object.fromEntries(summary.results.metrics.map((m) => [m.name, m]));
    expect(byName.http_reqs?.values).toEqual({ count: 20 });
    expect(byName.http_req_failed?.values).toEqual({ matches: 2, rate: 0.1, total: 20 });
    // Compact mode: no phase timings, no checks / group_duration among the metrics.
    expect(byName.http_req_waiting).toBeUndefined();
    expect(byName.checks).toBeUndefined();
  });
});

describe('textSummary', () => {
  const data = runEngine().legacySummary(STATE);

  it('prints checks by group and one aligned line per metric with k6 units and threshold marks', () => {
    const text = textSummary(data, { indent: ' ', enableColors: false });
    expect(text).toContain('✗ status is 200');
    expect(text).toContain('↳  75% — ✓ 3 / ✗ 1');
    expect(text).toContain('█ login');
    expect(text).toMatch(/✓ http_req_failed\.+: 10\.00% ✓ 2 ✗ 18/);
    expect(text).toMatch(/✗ never_sampled\.+: 0 0\/s/);
    expect(text).toMatch(/ {4}http_reqs\.+: 20 5\/s/);
    expect(text).toMatch(
      /http_req_duration\.+: avg=105ms min=10ms med=105ms max=200ms p\(90\)=181ms p\(95\)=190.5ms/,
    );
    expect(text).toMatch(/\{ endpoint:execute \}\.+: avg=110ms/);
    expect(text).toMatch(/data_received\.+: 2\.5 kB 625 B\/s/);
    expect(text).toMatch(/vus\.+: 1 min=1 max=5/);
    expect(text).not.toContain('\u001b[');
    const colons = text
      .split('\n')
      .filter((l) => l.includes('...'))
      .map((l) => l.indexOf(': '));
    expect(new Set(colons).size).toBe(1);
  });

  it('colours only when asked', () => {
    expect(textSummary(data, { enableColors: true })).toContain('\u001b[32m✓');
  });
});
