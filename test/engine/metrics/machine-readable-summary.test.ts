import { describe, expect, it } from 'vitest';
import {
  checkMachineReadableSummary,
  createMetricsEngine,
  LOCAL_ENGINE_K6_VERSION,
  type MachineReadableSummary,
  type MetricType,
  type SummaryState,
} from '../../../src/engine/metrics/index.js';

/**
 * handleSummary's data under --new-machine-readable-summary: the metric order a reader of k6's
 * report sees (HTTP, execution, network, browser, web vitals, gRPC, WebSocket, then custom; by name
 * within each), what compact mode leaves out, each type's values, and the checks block.
 */
const STATE: SummaryState = {
  testRunDurationMs: 2500,
  isStdOutTTY: false,
  isStdErrTTY: false,
  checks: [
    { group: '', name: 'status 200', passes: 3, fails: 1 },
    { group: '::login', name: 'has token', passes: 1, fails: 0 },
    { group: '::login', name: 'status 200', passes: 2, fails: 2 },
  ],
  groups: ['::login'],
  options: { summaryTrendStats: ['avg', 'p(95)', 'p(99)'] },
  scriptPath: 'script.js',
};

function summary(withChecks = true, state: SummaryState = STATE): MachineReadableSummary {
  const engine = createMetricsEngine();
  const custom: [string, MetricType][] = [
    ['zzz_custom', 'counter'],
    ['aaa_custom', 'gauge'],
    ['ws_msgs', 'counter'],
    ['grpc_req', 'trend'],
    ['browser_web_vital_lcp', 'trend'],
    ['browser_x_clicks', 'counter'],
    ['group_duration', 'trend'],
    ['empty_gauge', 'gauge'],
  ];
  for (const [name, type] of custom) engine.define(name, type);
  engine.setThresholds({ empty_gauge: ['value<1'], 'iterations{scenario:a}': ['count>0'] });
  const add = (metric: string, value: number, tags: Record<string, string> = {}): void =>
    engine.add({ metric, time: 0, value, tags });
  for (const [name, type] of custom) if (name !== 'empty_gauge') add(name, type === 'gauge' ? 7 : 1);
  for (const name of ['http_reqs', 'iterations', 'dropped_iterations', 'data_sent', 'data_received'])
    add(name, 1);
  for (const name of ['vus', 'vus_max']) add(name, 2);
  for (const name of ['http_req_waiting', 'http_req_blocked', 'iteration_duration']) add(name, 5);
  add('http_req_duration', 10, { expected_response: 'true' });
  add('http_req_duration', 30, { expected_response: 'false' });
  add('http_req_failed', 0);
  add('http_req_failed', 1);
  if (withChecks) for (const v of [1, 1, 0]) add('checks', v);
  return engine.machineReadableSummary(state) as MachineReadableSummary;
}

describe('machine-readable summary (k6 v2.2.0 format 1.0.0)', () => {
  const s = summary();

  it("lists metrics in k6's categories, by name within each; no checks, group_duration or phase timings", () => {
    expect(s.results.metrics.map((m) => m.name)).toEqual([
      'http_req_duration',
      'http_req_duration{expected_response:true}',
      'http_req_failed',
      'http_reqs',
      'dropped_iterations',
      'iteration_duration',
      'iterations',
      'iterations{scenario:a}',
      'vus',
      'vus_max',
      'data_received',
      'data_sent',
      'browser_x_clicks',
      'browser_web_vital_lcp',
      'grpc_req',
      'ws_msgs',
      'aaa_custom',
      'empty_gauge',
      'zzz_custom',
    ]);
    expect(checkMachineReadableSummary(s)).toEqual([]);
  });

  it("gives each type k6's values; a trend has all six keys, null where summaryTrendStats has none", () => {
    const byName = Object.fromEntries(s.results.metrics.map((m) => [m.name, m]));
    expect(byName.http_req_duration).toEqual({
      contains: 'time',
      name: 'http_req_duration',
      type: 'trend',
      values: { avg: 20, max: null, med: null, min: null, p90: null, p95: 29 },
    });
    expect(byName.http_req_failed?.values).toEqual({ matches: 1, rate: 0.5, total: 2 });
    const defaults = summary(true, { ...STATE, options: {} }).results.metrics;
    expect(defaults.find((m) => m.name === 'http_req_duration')?.values).toEqual({
      avg: 20,
      max: 30,
      med: 20,
      min: 10,
      p90: 28,
      p95: 29,
    });
    expect(byName.http_reqs?.values).toEqual({ count: 1 });
    expect(byName.aaa_custom?.values).toEqual({ max: 7, min: 7, value: 7 });
    expect(byName.empty_gauge?.values).toEqual({ max: 0, min: 0, value: 0 });
    expect(byName.data_sent?.contains).toBe('data');
  });

  it('checks: the three check metrics, and results by name across groups in order of first appearance', () => {
    expect(s.results.checks.metrics).toEqual([
      { contains: 'default', name: 'checks_total', type: 'counter', values: { count: 3 } },
      {
        contains: 'default',
        name: 'checks_failed',
        type: 'rate',
        values: { matches: 1, rate: 1 / 3, total: 3 },
      },
      {
        contains: 'default',
        name: 'checks_succeeded',
        type: 'rate',
        values: { matches: 2, rate: 2 / 3, total: 3 },
      },
    ]);
    expect(s.results.checks.results).toEqual([
      { fails: 3, name: 'status 200', passes: 5 },
      { fails: 0, name: 'has token', passes: 1 },
    ]);
    expect(summary(false).results.checks.metrics).toEqual([]);
  });

  it('config and metadata: duration in seconds, the script text, local execution, the local engine version', () => {
    expect(s.config).toEqual({ duration: 2.5, execution: 'local', script: '' });
    expect(summary(true, { ...STATE, scriptSource: 'export default () => {}' }).config.script).toBe(
      'export default () => {}',
    );
    expect(s.metadata.k6_version).toBe(LOCAL_ENGINE_K6_VERSION);
    expect(LOCAL_ENGINE_K6_VERSION).toBe('2.2.0+harness-local-engine');
    expect(Date.parse(s.metadata.generated_at)).not.toBeNaN();
    expect(s.version).toBe('1.0.0');
  });
});
