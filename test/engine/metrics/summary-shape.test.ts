import { describe, expect, it } from 'vitest';
import {
  checkMachineReadableSummary,
  createMetricsEngine,
  type MachineReadableSummary,
  type SummaryMetricV1,
} from '../../../src/engine/metrics/index.js';

/**
 * The shape check both engines' --new-machine-readable-summary output goes through: a conforming
 * summary passes, and each way a summary can break is reported with its path, so a user reading a
 * failed conformance check knows which field of which metric is wrong.
 */
type Summary = MachineReadableSummary;

/** Breaks a field whatever its declared type: the point of these tests. */
function put(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

function drop(target: object, key: string): void {
  delete (target as Record<string, unknown>)[key];
}

function valid(): Summary {
  const engine = createMetricsEngine();
  engine.define('my_gauge', 'gauge');
  const add = (metric: string, value: number): void => engine.add({ metric, time: 0, value, tags: {} });
  add('http_reqs', 1);
  add('http_req_duration', 12);
  add('http_req_failed', 0);
  add('my_gauge', 3);
  add('checks', 1);
  return engine.machineReadableSummary({
    testRunDurationMs: 1000,
    isStdOutTTY: false,
    isStdErrTTY: false,
    checks: [{ group: '', name: 'ok', passes: 1, fails: 0 }],
    groups: [],
    options: {},
    scriptPath: 's.js',
    scriptSource: 'export default () => {}',
  }) as Summary;
}

function problems(change: (s: Summary) => void): string[] {
  const summary = valid();
  change(summary);
  return checkMachineReadableSummary(summary);
}

const metricIndex = (s: Summary, name: string): number => s.results.metrics.findIndex((m) => m.name === name);

describe('checkMachineReadableSummary', () => {
  it('passes the summary the engine builds, with every metric type and the checks block', () => {
    const s = valid();
    expect(s.results.metrics.map((m) => m.type).sort()).toEqual(['counter', 'gauge', 'rate', 'trend']);
    expect(checkMachineReadableSummary(s)).toEqual([]);
  });

  it('reports a value that is not an object at all', () => {
    for (const v of [null, [], 'x', 3]) expect(checkMachineReadableSummary(v)).toEqual(['/: not an object']);
  });

  it('reports each top-level and config/metadata problem with its path', () => {
    expect(problems((s) => put(s, 'extra', 1))).toEqual([
      '/: keys config,extra,metadata,results,version instead of config,metadata,results,version',
    ]);
    expect(problems((s) => put(s, 'version', '1.0'))).toEqual(['/version: not "1.0.0"']);
    expect(problems((s) => put(s, 'config', []))).toEqual(['/config: not an object']);
    expect(
      problems((s) => put(s, 'config', { duration: '1', execution: 'remote', script: 1, vus: 1 })),
    ).toEqual([
      '/config: keys duration,execution,script,vus instead of duration,execution,script',
      '/config/duration: not a number',
      '/config/execution: invalid',
      '/config/script: not a string',
    ]);
    expect(problems((s) => (s.config.execution = 'cloud'))).toEqual([]);
    expect(problems((s) => put(s, 'metadata', null))).toEqual(['/metadata: not an object']);
    expect(problems((s) => put(s, 'metadata', { generated_at: 'yesterday', k6_version: 2 }))).toEqual([
      '/metadata/generated_at: not a date-time',
      '/metadata/k6_version: not a string',
    ]);
    expect(problems((s) => put(s.metadata, 'generated_at', 0))).toEqual([
      '/metadata/generated_at: not a date-time',
    ]);
  });

  it('stops at results that are not an object, after the problems found before', () => {
    expect(
      problems((s) => {
        put(s, 'version', 2);
        put(s, 'results', []);
      }),
    ).toEqual(['/version: not "1.0.0"', '/results: not an object']);
  });

  it('reports a metric by its index: keys, name, contains, type, values and each value', () => {
    expect(problems((s) => put(s.results, 'metrics', {}))).toEqual(['/results/metrics: not an array']);
    const at = (name: string, change: (m: SummaryMetricV1) => void): string[] =>
      problems((s) => change(s.results.metrics[metricIndex(s, name)]));
    const i = (name: string): number => metricIndex(valid(), name);
    const reqs = `/results/metrics/${i('http_reqs')}`;
    expect(problems((s) => put(s.results.metrics, '0', 'x'))).toEqual(['/results/metrics/0: not an object']);
    expect(
      at('http_reqs', (m) => {
        put(m, 'name', 7);
        put(m, 'contains', 'bytes');
      }),
    ).toEqual([`${reqs}/name: not a string`, `${reqs}/contains: invalid`]);
    expect(at('http_reqs', (m) => drop(m, 'contains'))).toEqual([
      `${reqs}: keys name,type,values instead of contains,name,type,values`,
      `${reqs}/contains: invalid`,
    ]);
    expect(at('http_reqs', (m) => put(m, 'type', 'histogram'))).toEqual([`${reqs}/type: invalid`]);
    expect(at('http_reqs', (m) => put(m, 'values', [1]))).toEqual([`${reqs}/values: not an object`]);
    expect(at('http_reqs', (m) => put(m, 'values', { count: '1' }))).toEqual([
      `${reqs}/values/count: not a number`,
    ]);
    expect(at('http_reqs', (m) => put(m, 'values', { count: null }))).toEqual([
      `${reqs}/values/count: not a number`,
    ]);
    const gauge = `/results/metrics/${i('my_gauge')}`;
    expect(at('my_gauge', (m) => drop(m.values, 'min'))).toEqual([
      `${gauge}/values: keys max,value instead of max,min,value`,
    ]);
    const rate = `/results/metrics/${i('http_req_failed')}`;
    expect(at('http_req_failed', (m) => put(m, 'values', { rate: 0, passes: 1, fails: 0 }))).toEqual([
      `${rate}/values: keys fails,passes,rate instead of matches,rate,total`,
    ]);
    // A trend's stat outside summaryTrendStats is null in k6's output; anything else is not a number.
    const trend = `/results/metrics/${i('http_req_duration')}`;
    expect(at('http_req_duration', (m) => (m.values.p90 = null))).toEqual([]);
    expect(at('http_req_duration', (m) => put(m.values, 'p90', '1'))).toEqual([
      `${trend}/values/p90: not a number`,
    ]);
  });

  it('reports the checks block: its keys, its metrics and each check result', () => {
    expect(problems((s) => put(s.results, 'checks', 'none'))).toEqual(['/results/checks: not an object']);
    expect(problems((s) => put(s.results, 'extra', 1))).toEqual([
      '/results: keys checks,extra,metrics instead of checks,metrics',
    ]);
    expect(
      problems((s) => {
        put(s.results.checks, 'metrics', null);
        put(s.results.checks, 'results', {});
      }),
    ).toEqual(['/results/checks/metrics: not an array', '/results/checks/results: not an array']);
    expect(problems((s) => put(s.results.checks.metrics[1], 'type', 'gauge'))).toEqual([
      '/results/checks/metrics/1/values: keys matches,rate,total instead of max,min,value',
    ]);
    expect(problems((s) => put(s.results.checks, 'results', [5, { name: 'ok', passes: 1 }]))).toEqual([
      '/results/checks/results/0: not an object',
      '/results/checks/results/1: keys name,passes instead of fails,name,passes',
    ]);
    expect(problems((s) => drop(s.results.checks, 'results'))).toEqual([
      '/results/checks: keys metrics instead of metrics,results',
      '/results/checks/results: not an array',
    ]);
  });
});
