import { describe, expect, it } from 'vitest';
import { parseThreshold, parseThresholdKey } from '../../../src/engine/metrics/threshold-parser.js';
import { createMetricsEngine, type ThresholdSpec } from '../../../src/engine/metrics/index.js';
import { refusal } from '../../support/refusal.js';

/**
 * The threshold grammar a user writes in options.thresholds, read exactly: which keys and tag
 * filters select which series, which limits a number is read as, and what a mistake is told
 * (the key and the expression quoted, the reason named) instead of being read as something else.
 */

describe('threshold keys', () => {
  it('trims the key, each tag and each value, and keeps the braces text as the sub-metric suffix', () => {
    expect(parseThresholdKey(' http_req_duration{ status : 200 , method:GET } ')).toEqual({
      metric: 'http_req_duration',
      filters: { status: '200', method: 'GET' },
      suffix: 'status : 200 , method:GET',
    });
    expect(parseThresholdKey('checks')).toEqual({ metric: 'checks', filters: {}, suffix: '' });
  });

  it('strips one pair of matching quotes around a whole value, and nothing else', () => {
    const value = (v: string): string | undefined => parseThresholdKey(`m{t:${v}}`).filters.t;
    expect(value('"GET"')).toBe('GET');
    expect(value("'a b'")).toBe('a b');
    expect(value('"x\'')).toBe('"x\'');
    expect(value('x"y"')).toBe('x"y"');
    expect(value('"x"y')).toBe('"x"y');
    expect(value('""')).toBe('');
  });

  it.each([
    ['a b', 'has a malformed metric name or tag filter; write name or name{tag:value}'],
    ['m{a:b', 'has a malformed metric name or tag filter; write name or name{tag:value}'],
    ['m{}', 'has an empty tag filter {}'],
    ['m{  }', 'has an empty tag filter {}'],
    ['m{tag}', 'has a tag filter "tag" without "tag:value"'],
    ['m{a:b, c }', 'has a tag filter "c" without "tag:value"'],
    ['m{:v}', 'has a tag filter ":v" without "tag:value"'],
    ['m{ :v}', 'has an empty tag name'],
  ])('refuses the key %j: %s', (key, why) => {
    const error = refusal(() => parseThresholdKey(key));
    expect(error.code).toBe('HARNESS_ERR_THRESHOLD_INVALID');
    expect(error.message).toBe(`threshold ${JSON.stringify(key)} ${why}`);
    expect(error.details).toEqual({ key, expression: '' });
  });
});

describe('threshold expressions', () => {
  it('reads percentiles with decimals and limits with exponents as the numbers written', () => {
    expect(parseThreshold('t', 'p(99.95)<1', 'trend').aggregation).toEqual({ kind: 'p', pct: 0.9995 });
    expect(parseThreshold('t', 'avg<1e10', 'trend').target).toBe(1e10);
    expect(parseThreshold('t', 'avg<2.5E+3', 'trend').target).toBe(2500);
    expect(parseThreshold('t', 'avg<1e-3', 'trend').target).toBe(0.001);
  });

  it.each<[ThresholdSpec | null, string, string]>([
    [
      { threshold: 5 as unknown as string },
      '5',
      'is not a string; write e.g. "p(95)<500" or { threshold: "p(95)<500" }',
    ],
    [null, 'undefined', 'is not a string; write e.g. "p(95)<500" or { threshold: "p(95)<500" }'],
    [
      'p(95)<',
      'p(95)<',
      'is not "<aggregation> <operator> <number>" (aggregations avg|min|max|med|count|rate|value|p(N); operators < <= > >= == != )',
    ],
    ['p(101)<1', 'p(101)<1', 'has a percentile outside 0–100'],
    [
      'rate<0.1',
      'rate<0.1',
      'uses "rate", which a trend metric does not have (allowed: avg, min, max, med, p(N))',
    ],
    [
      { threshold: 'avg<1', abortOnFial: true, delay: '1s' } as unknown as ThresholdSpec,
      'avg<1',
      'has unknown option(s) abortOnFial, delay (allowed: threshold, abortOnFail, delayAbortEval)',
    ],
    [
      { threshold: 'avg<1', abortOnFail: 'yes' as unknown as boolean },
      'avg<1',
      'has a non-boolean abortOnFail',
    ],
  ])('refuses %j, quoting key and expression: %s', (spec, expression, why) => {
    const error = refusal(() => parseThreshold('lat', spec as ThresholdSpec, 'trend'));
    expect(error.code).toBe('HARNESS_ERR_THRESHOLD_INVALID');
    expect(error.message).toBe(`threshold "lat": ${JSON.stringify(expression)} ${why}`);
    expect(error.details).toEqual({ key: 'lat', expression });
  });
});

describe('thresholds on a script', () => {
  it('a threshold on a metric the script never defined is refused, naming key and metric', () => {
    const error = refusal(() => createMetricsEngine().setThresholds({ 'nope{a:b}': ['count>0'] }));
    expect(error.code).toBe('HARNESS_ERR_THRESHOLD_INVALID');
    expect(error.message).toBe(
      'threshold "nope{a:b}" names metric "nope", which is neither built in nor defined by the script',
    );
    expect(error.details).toEqual({ key: 'nope{a:b}' });
  });

  it('a single expression not wrapped in a list is still one threshold', () => {
    const engine = createMetricsEngine();
    engine.define('my_counter', 'counter');
    engine.setThresholds({ my_counter: 'count>1' as unknown as ThresholdSpec[] });
    engine.add({ metric: 'my_counter', time: 0, value: 1, tags: {} });
    const { results } = engine.evaluateThresholds(1000, { final: true });
    expect(results.map((r) => [r.expression, r.ok])).toEqual([['count>1', false]]);
  });
});
