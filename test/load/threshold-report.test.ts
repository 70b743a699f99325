import { describe, expect, it } from 'vitest';
import { aggregatesOf, type RawSample } from '../../src/compare/index.js';
import { thresholdLines, thresholdsJunit } from '../../src/load/index.js';
import { detectionLag, pollsPerExecution, timeoutClasses } from '../../src/load/truth.js';
import { threshold } from './threshold-fixture.js';

/**
 * What a load run tells people about its thresholds — the console lines and the JUnit document CI
 * reads, exactly — and the ground-truth figures computed from the samples (polls, timeout classes,
 * detection lag), including the empty cases, which must read as "nothing measured", never as 0.
 */

const crossed = threshold({
  metric: 'http_req_duration{endpoint:x}',
  expression: 'p(95)<600',
  aggregation: 'p(95)',
  limit: 600,
  measured: 812.4567,
  measuredFrom: 'samples',
  ok: false,
});
const unknown = threshold({
  metric: 'checks',
  expression: 'rate>0.9',
  aggregation: null,
  limit: null,
  measured: null,
});

describe('threshold report', () => {
  it('console: one aligned line per threshold with its verdict, the count crossed, and what was measured', () => {
    expect(thresholdLines([])).toEqual(['thresholds: none reported by the engine']);
    expect(thresholdLines([threshold({}), crossed, unknown])).toEqual([
      'thresholds (1 crossed of 3):',
      '  ✓ ok      http_req_failed rate<0.01                measured rate = 0, limit 0.01',
      '  ✗ CROSSED http_req_duration{endpoint:x} p(95)<600  measured p(95) = 812.5 (from the raw samples), limit 600',
      '  ✓ ok      checks rate>0.9                          measured value = no value',
    ]);
  });

  it('JUnit: the whole document, escaped, with a failing case per crossed threshold and per run failure', () => {
    const failures = [{ code: 'LOAD_TIMEOUT', message: 'stopped after 60 s & "killed"' }];
    expect(thresholdsJunit('load <smoke>', [threshold({}), crossed], failures as never, 1.5)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="harness load" tests="3" failures="2" time="1.500">',
        '  <testsuite name="load &lt;smoke&gt;" tests="3" failures="2" time="1.500">',
        '    <testcase classname="load &lt;smoke&gt;" name="http_req_failed: rate&lt;0.01"/>',
        '    <testcase classname="load &lt;smoke&gt;" name="http_req_duration{endpoint:x}: p(95)&lt;600">',
        '      <failure message="threshold crossed: p(95) = 812.5 (from the raw samples), limit 600 (p(95)&lt;600)">Received: http_req_duration{endpoint:x} p(95) = 812.5 (from the raw samples) / Documented: p(95)&lt;600 (limit 600)</failure>',
        '    </testcase>',
        '    <testcase classname="load &lt;smoke&gt;" name="LOAD_TIMEOUT">',
        '      <failure message="LOAD_TIMEOUT">stopped after 60 s &amp; &quot;killed&quot;</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('JUnit: a crossed threshold without a limit says "?" and no limit in its body', () => {
    const xml = thresholdsJunit('s', [threshold({ ok: false, limit: null, measured: 0.5 })], [], 0);
    expect(xml).toContain(
      '<failure message="threshold crossed: rate = 0.5, limit ? (rate&lt;0.01)">Received: http_req_failed rate = 0.5 / Documented: rate&lt;0.01</failure>',
    );
  });

  it('JUnit: a crossed threshold whose aggregation the engine did not name reads "value = …"', () => {
    const xml = thresholdsJunit(
      's',
      [threshold({ ok: false, aggregation: null, limit: 2, measured: 3 })],
      [],
      0,
    );
    expect(xml).toContain(
      '<failure message="threshold crossed: value = 3, limit 2 (rate&lt;0.01)">Received: http_req_failed value = 3 / Documented: rate&lt;0.01 (limit 2)</failure>',
    );
  });
});

const sample = (metric: string, value: number, tags: Record<string, string> = {}, time = 0): RawSample => ({
  metric,
  value,
  tags,
  time,
});

describe('ground truth from the samples', () => {
  it('polls per execution: only that metric counts; none measured is null, not 0', () => {
    expect(
      pollsPerExecution(
        aggregatesOf([
          sample('http_reqs', 50),
          sample('polls_per_execution', 3),
          sample('polls_per_execution', 5),
        ]),
      ),
    ).toEqual({
      executions: 2,
      median: 4,
      p95: 4.9,
      max: 5,
    });
    expect(pollsPerExecution(aggregatesOf([sample('http_reqs', 1)]))).toEqual({
      executions: 0,
      median: null,
      p95: null,
      max: null,
    });
  });

  it('timeout classes: sync_calls summed by class; other metrics and untagged samples ignored', () => {
    const points = [
      sample('sync_calls', 2, { class: 'in-time' }),
      sample('sync_calls', 1, { class: 'in-time' }),
      sample('sync_calls', 4, { class: 'timed-out' }),
      sample('sync_calls', 9),
      sample('http_reqs', 7, { class: 'in-time' }),
    ];
    expect(timeoutClasses(aggregatesOf(points))).toEqual({ 'in-time': 3, 'timed-out': 4 });
  });

  it('detection lag: poll time minus recorded finish, per tagged completion, scaled back to real time', async () => {
    const finished: Record<string, number> = { a: 1000, b: 2000 };
    const points = [
      sample('time_to_completion', 1, { conversation: 'a' }, 1010),
      sample('time_to_completion', 1, { conversation: 'b' }, 2030),
      sample('time_to_completion', 1, { conversation: 'c' }, 5000),
      sample('time_to_completion', 1, {}, 9000),
      sample('http_req_duration', 1, { conversation: 'a' }, 9000),
    ];
    const seen: string[] = [];
    const lag = await detectionLag(
      aggregatesOf(points, { keep: ['time_to_completion'] }),
      'http://ref.invalid//',
      0.1,
      (base, id) => {
        seen.push(`${base} ${id}`);
        return Promise.resolve(finished[id]);
      },
    );
    expect(seen).toEqual(['http://ref.invalid// a', 'http://ref.invalid// b', 'http://ref.invalid// c']);
    expect(lag).toEqual({ executions: 2, medianMs: 20, p95Ms: 29, realTimeMedianMs: 200 });
    expect(
      await detectionLag(aggregatesOf([], { keep: ['time_to_completion'] }), 'http://ref.invalid', 1, () =>
        Promise.resolve(0),
      ),
    ).toEqual({
      executions: 0,
      medianMs: null,
      p95Ms: null,
      realTimeMedianMs: null,
    });
    // A run whose samples kept no completion at all: no lag measured, and nothing asked of the reference.
    const none = { executions: 0, medianMs: null, p95Ms: null, realTimeMedianMs: null };
    expect(
      await detectionLag(aggregatesOf([sample('http_reqs', 1)]), 'http://ref.invalid', 1, () => {
        throw new Error('asked the reference');
      }),
    ).toEqual(none);
  });
});
