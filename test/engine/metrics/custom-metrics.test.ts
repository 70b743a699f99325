import { describe, expect, it } from 'vitest';
import { createMetricsEngine } from '../../../src/engine/metrics/index.js';
import { refusal } from '../../support/refusal.js';

/**
 * Custom metrics as a script defines and feeds them: which names k6 accepts, what a second
 * definition of the same name does, and a sample for a metric nobody defined. Each mistake is a
 * HARNESS_ERR_METRIC_INVALID naming the metric, never a silently dropped or merged series.
 */

describe('custom metrics', () => {
  it('accepts the names k6 accepts: letters in any script, digits, spaces and ._!?/&#()<>%-', () => {
    const engine = createMetricsEngine();
    for (const name of ['latency_2xx', 'délai total (ms)', 'a.b!c?d/e&f#g<h>i%j-k', 'x'.repeat(128)])
      expect(engine.define(name, 'counter').name).toBe(name);
  });

  it.each(['', 'x'.repeat(129), '$$ok', 'ok$$', 'tagged{a:b}', 'line\nbreak'])(
    'refuses the name %j with a hint on what k6 allows',
    (name) => {
      const error = refusal(() => createMetricsEngine().define(name, 'counter'));
      expect(error.code).toBe('HARNESS_ERR_METRIC_INVALID');
      expect(error.message).toBe(`metric name ${JSON.stringify(name)} is invalid`);
      expect(error.hint).toBe(
        'Use 1–128 letters, digits, underscores or ._!?/&#()<>%- in custom metric names, as k6 requires.',
      );
    },
  );

  it('a second definition of the same name and kind is the same metric; another type or value kind is refused', () => {
    const engine = createMetricsEngine();
    const first = engine.define('my_trend', 'trend', 'time');
    expect(engine.define('my_trend', 'trend', 'time')).toBe(first);
    expect(refusal(() => engine.define('my_trend', 'counter')).message).toBe(
      'metric "my_trend" is already a trend (time); it cannot also be a counter (default)',
    );
    expect(refusal(() => engine.define('my_trend', 'trend')).message).toBe(
      'metric "my_trend" is already a trend (time); it cannot also be a trend (default)',
    );
    engine.define('my_count', 'counter');
    expect(refusal(() => engine.define('my_count', 'gauge')).message).toBe(
      'metric "my_count" is already a counter (default); it cannot also be a gauge (default)',
    );
  });

  it('a sample for a metric never defined is refused, naming the metric', () => {
    const error = refusal(() => createMetricsEngine().add({ metric: 'nope', time: 0, value: 1, tags: {} }));
    expect(error.code).toBe('HARNESS_ERR_METRIC_INVALID');
    expect(error.message).toBe('sample for metric "nope", which was never defined');
  });
});
