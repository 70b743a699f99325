import { describe, expect, it } from 'vitest';
import { SeriesAggregate, ValueStats } from '../../src/compare/index.js';

/**
 * A series' time span and samples per second, which the report's charts and rates are drawn
 * from: right when samples arrive out of order (several VUs), without a time, or from shards merged.
 */
const T0 = Date.UTC(2026, 0, 1);

function series(points: readonly (readonly [number, number])[]): SeriesAggregate {
  const s = new SeriesAggregate();
  for (const [value, time] of points) s.add(value, time);
  return s;
}

describe('SeriesAggregate', () => {
  it('the time span covers samples that arrive out of order', () => {
    const s = series([
      [1, T0 + 5000],
      [2, T0 + 1000],
      [3, T0 + 3000],
    ]);
    expect([s.firstTime, s.lastTime]).toEqual([T0 + 1000, T0 + 5000]);
    expect([...s.perSecond].sort((a, b) => a[0] - b[0])).toEqual([
      [T0 / 1000 + 1, 1],
      [T0 / 1000 + 3, 1],
      [T0 / 1000 + 5, 1],
    ]);
  });

  it('a sample without a time counts in the statistics but in no second', () => {
    const s = new SeriesAggregate();
    s.add(7);
    s.add(9, T0 + 200);
    expect([s.count, s.max]).toEqual([2, 9]);
    expect([...s.perSecond]).toEqual([[T0 / 1000, 1]]);
    expect([s.firstTime, s.lastTime]).toEqual([T0 + 200, T0 + 200]);
  });

  it('merged shards span both, with their per-second counts added', () => {
    const a = series([
      [1, T0 + 2000],
      [1, T0 + 2500],
    ]);
    a.merge(
      series([
        [1, T0 + 500],
        [1, T0 + 2100],
        [1, T0 + 9000],
      ]),
    );
    expect([a.count, a.firstTime, a.lastTime]).toEqual([5, T0 + 500, T0 + 9000]);
    expect([...a.perSecond].sort((x, y) => x[0] - y[0])).toEqual([
      [T0 / 1000, 1],
      [T0 / 1000 + 2, 3],
      [T0 / 1000 + 9, 1],
    ]);
  });

  it('merging plain ValueStats adds their values and leaves the time span alone', () => {
    const a = series([[1, T0 + 1000]]);
    const plain = new ValueStats();
    plain.add(50);
    a.merge(plain);
    expect([a.count, a.max, a.firstTime, a.lastTime]).toEqual([2, 50, T0 + 1000, T0 + 1000]);
    expect([...a.perSecond]).toEqual([[T0 / 1000 + 1, 1]]);
  });
});
