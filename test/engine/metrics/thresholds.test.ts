import { describe, expect, it } from 'vitest';
import {
  createMetricsEngine,
  type MetricsEngine,
  type ThresholdSpec,
} from '../../../src/engine/metrics/index.js';
import { isHarnessError } from '../../../src/errors/index.js';

function engineWith(
  thresholds: Record<string, ThresholdSpec[]>,
  samples: [string, number, Record<string, string>?][] = [],
): MetricsEngine {
  const engine = createMetricsEngine();
  engine.define('my_counter', 'counter');
  engine.define('my_gauge', 'gauge');
  engine.define('my_rate', 'rate');
  engine.define('my_trend', 'trend', 'time');
  engine.setThresholds(thresholds);
  for (const [metric, value, tags] of samples)
    engine.add({ metric, time: 1_700_000_000_000, value, tags: tags ?? {} });
  return engine;
}

function oks(engine: MetricsEngine, elapsedMs = 1000, final = true): boolean[] {
  return engine.evaluateThresholds(elapsedMs, { final }).results.map((r) => r.ok);
}

const TREND: [string, number, Record<string, string>?][] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => [
  'my_trend',
  v,
]);

describe('thresholds', () => {
  it('evaluates every operator, each on both sides of its boundary', () => {
    // max of TREND is 10.
    const cases: [string, boolean][] = [
      ['max<10', false],
      ['max<10.5', true],
      ['max<=10', true],
      ['max<=9.99', false],
      ['max>10', false],
      ['max>9', true],
      ['max>=10', true],
      ['max>=10.01', false],
      ['max==10', true],
      ['max===10', true],
      ['max==9', false],
      ['max!=10', false],
      ['max!=9', true],
    ];
    const engine = engineWith({ my_trend: cases.map(([e]) => e) }, TREND);
    expect(oks(engine)).toEqual(cases.map(([, ok]) => ok));
  });

  it('evaluates every aggregation of every metric type', () => {
    const engine = engineWith(
      {
        my_trend: ['avg==5.5', 'min==1', 'max==10', 'med==5.5', 'p(90)==9.1', 'p(99.9)>9.99', 'p(0)==1'],
        my_counter: ['count==6', 'rate==3'],
        my_gauge: ['value==4'],
        my_rate: ['rate==0.5'],
      },
      [
        ...TREND,
        ['my_counter', 2],
        ['my_counter', 4],
        ['my_gauge', 9],
        ['my_gauge', 4],
        ['my_rate', 1],
        ['my_rate', 0],
      ],
    );
    const results = engine.evaluateThresholds(2000, { final: true }).results;
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(11);
  });

  it('accepts whitespace around the parts of an expression', () => {
    expect(oks(engineWith({ my_trend: [' p( 95 ) <  100 '] }, TREND))).toEqual([true]);
  });

  it('counts only samples whose tags match ALL filters of a sub-metric', () => {
    const engine = engineWith(
      { 'my_trend{endpoint:a,status:200}': ['max<100', 'avg==15'], 'my_trend{endpoint:b}': ['max<100'] },
      [
        ['my_trend', 10, { endpoint: 'a', status: '200' }],
        ['my_trend', 20, { endpoint: 'a', status: '200', extra: 'x' }],
        ['my_trend', 500, { endpoint: 'a', status: '500' }],
        ['my_trend', 1000, { endpoint: 'b' }],
        ['my_trend', 9000, {}],
      ],
    );
    expect(oks(engine)).toEqual([true, true, false]);
  });

  it('strips quotes around tag values in filters, as k6 does', () => {
    const engine = engineWith({ "my_trend{ name : 'x y' }": ['max<5'] }, [
      ['my_trend', 1, { name: 'x y' }],
      ['my_trend', 50, { name: 'z' }],
    ]);
    expect(oks(engine)).toEqual([true]);
    // k6 names the sub-metric after the filter text as written (trimmed), quotes included.
    const data = engine.legacySummary({
      testRunDurationMs: 1,
      isStdOutTTY: false,
      isStdErrTTY: false,
      checks: [],
      groups: [],
      options: {},
      scriptPath: 's.js',
    });
    expect(data.metrics).toHaveProperty(["my_trend{name : 'x y'}", 'thresholds'], { 'max<5': { ok: true } });
  });

  it('abortOnFail aborts only after delayAbortEval has passed', () => {
    const engine = engineWith(
      { my_rate: [{ threshold: 'rate>0.9', abortOnFail: true, delayAbortEval: '10s' }] },
      [['my_rate', 0]],
    );
    const early = engine.evaluateThresholds(9_999);
    expect(early.results[0]).toMatchObject({ ok: false, abortOnFail: true });
    expect(early.abort).toBe(false);
    expect(engine.evaluateThresholds(10_000).abort).toBe(true);
  });

  it('a failing threshold without abortOnFail never aborts; a passing one with it never aborts', () => {
    expect(engineWith({ my_rate: ['rate>0.9'] }, [['my_rate', 0]]).evaluateThresholds(60_000).abort).toBe(
      false,
    );
    expect(
      engineWith({ my_rate: [{ threshold: 'rate>0.1', abortOnFail: true }] }, [
        ['my_rate', 1],
      ]).evaluateThresholds(60_000).abort,
    ).toBe(false);
  });

  it('skips metrics without samples during the run, but evaluates them as zeros at the end (k6)', () => {
    const engine = engineWith({
      my_counter: [{ threshold: 'count>0', abortOnFail: true }],
      my_trend: ['p(95)<100'],
    });
    const during = engine.evaluateThresholds(5000);
    expect(during.results.map((r) => r.ok)).toEqual([true, true]);
    expect(during.abort).toBe(false);
    expect(oks(engine, 5000, true)).toEqual([false, true]);
  });

  it.each([
    ['my_trend', 'p95<1', /p95<1/],
    ['my_trend', 'avg<', /avg</],
    ['my_trend', 'avg ~ 3', /avg ~ 3/],
    ['my_trend', 'p(101)<5', /percentile outside/],
    ['my_trend', 'rate<1', /trend metric does not have/],
    ['my_counter', 'avg<1', /counter metric does not have/],
    ['my_gauge', 'count<1', /gauge metric does not have/],
    ['my_rate', 'count<1', /rate metric does not have/],
    ['nope', 'count<1', /"nope".*neither built in nor defined/],
    ['my_trend{endpoint}', 'max<1', /without "tag:value"/],
    ['my_trend{}', 'max<1', /empty tag filter/],
  ])(
    'rejects %s: %s with HARNESS_ERR_THRESHOLD_INVALID naming key and expression',
    (key, expression, message) => {
      try {
        engineWith({ [key]: [expression] });
        expect.unreachable('setThresholds accepted an invalid threshold');
      } catch (err) {
        expect(isHarnessError(err) && err.code).toBe('HARNESS_ERR_THRESHOLD_INVALID');
        expect((err as Error).message).toMatch(message);
        expect((err as Error).message).toContain(JSON.stringify(key));
      }
    },
  );

  it('rejects a malformed object form (bad delayAbortEval, unknown option)', () => {
    expect(() => engineWith({ my_rate: [{ threshold: 'rate>0', delayAbortEval: 'soon' }] })).toThrow(
      /delayAbortEval "soon"/,
    );
    expect(() =>
      engineWith({ my_rate: [{ threshold: 'rate>0', abortOnFial: true } as unknown as ThresholdSpec] }),
    ).toThrow(/abortOnFial/);
  });

  it('keys results by the threshold key as written', () => {
    const engine = engineWith({ 'my_trend{endpoint:a}': ['max<1'] }, [['my_trend', 5, { endpoint: 'a' }]]);
    expect(engine.evaluateThresholds(1, { final: true }).results).toEqual([
      { metric: 'my_trend{endpoint:a}', expression: 'max<1', ok: false, abortOnFail: false },
    ]);
  });

  it('two keys that name one sub-metric (spaces inside the braces) both read its samples', () => {
    // k6 trims the filter text: "my_trend{endpoint:a}" and "my_trend{ endpoint:a }" are one sub-metric.
    const engine = engineWith({ 'my_trend{endpoint:a}': ['max<1'], 'my_trend{ endpoint:a }': ['min>4'] }, [
      ['my_trend', 5, { endpoint: 'a' }],
      ['my_trend', 0, { endpoint: 'b' }],
    ]);
    // max<1 fails on the 5 measured (an unread, empty sub-metric would pass it as 0); min>4 passes.
    expect(oks(engine)).toEqual([false, true]);
  });
});
