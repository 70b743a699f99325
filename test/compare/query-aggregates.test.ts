import { describe, expect, it } from 'vitest';
import {
  aggregatesOf,
  mergeAggregates,
  statsOf,
  sumOf,
  tagSetsOf,
  type MetricDeclaration,
  type RawSample,
} from '../../src/compare/index.js';

/**
 * The queries the report and `harness load` ask of a run's aggregates (which tag sets, their
 * stats and sums) and the merge of shards or files into one set.
 */
const T0 = Date.UTC(2026, 0, 1);
const point = (metric: string, value: number, tags: Record<string, string>, i = 0): RawSample => ({
  metric,
  time: T0 + i * 100,
  value,
  tags,
});
const decl = (name: string, type: string, contains: string): [string, MetricDeclaration] => [
  name,
  { name, type, contains },
];

const run = aggregatesOf(
  [
    point('http_req_duration', 10, { endpoint: 'execute', status: '200' }),
    point('http_req_duration', 30, { endpoint: 'execute', status: '504' }),
    point('http_req_duration', 50, { endpoint: 'poll', status: '504' }),
    point('credits_used', 3, { endpoint: 'execute', status: '200' }),
    point('credits_used', 4, { endpoint: 'poll', status: '200' }),
  ],
  { metrics: new Map([decl('credits_used', 'counter', 'default')]) },
);

describe('queries over a run’s aggregates', () => {
  it('a tag filter keeps the tag sets holding every given value; a predicate, those it accepts; none, all', () => {
    const statuses = (filter?: Parameters<typeof tagSetsOf>[2]): string[] =>
      tagSetsOf(run, 'http_req_duration', filter).map((t) => `${t.tags.endpoint}:${t.tags.status}`);
    expect(statuses()).toEqual(['execute:200', 'execute:504', 'poll:504']);
    expect(statuses({ endpoint: 'execute', status: '504' })).toEqual(['execute:504']);
    expect(statuses({ status: '504' })).toEqual(['execute:504', 'poll:504']);
    expect(statuses((tags) => tags.endpoint === 'poll')).toEqual(['poll:504']);
    expect(tagSetsOf(run, (name) => name.startsWith('credits'))).toHaveLength(2);
  });

  it('statsOf merges the matching tag sets and is undefined when no sample matches', () => {
    const s = statsOf(run, 'http_req_duration', { status: '504' });
    expect([s?.count, s?.min, s?.max]).toEqual([2, 30, 50]);
    expect(statsOf(run, 'http_req_duration', { status: '418' })).toBeUndefined();
  });

  it('sumOf is a counter’s exact total over the matching tag sets', () => {
    expect(sumOf(run, 'credits_used')).toBe(7);
    expect(sumOf(run, 'credits_used', { endpoint: 'poll' })).toBe(4);
    expect(sumOf(run, 'no_such_metric')).toBe(0);
  });

  it('aggregatesOf declares exactly the metrics it is given; a declared counter keeps no reservoir', () => {
    expect([...aggregatesOf([]).metrics]).toEqual([]);
    expect(run.metrics.get('credits_used')?.type).toBe('counter');
    expect(run.series.get('credits_used\u0000execute')?.aggregate.reservoir).toBeUndefined();
    expect(run.series.get('http_req_duration\u0000execute')?.aggregate.reservoir?.values).toEqual([10, 30]);
  });
});

describe('mergeAggregates', () => {
  it('adds counts, sums, series, declarations and bad lines; a series new to `into` arrives whole', () => {
    const into = aggregatesOf([point('http_req_duration', 10, { endpoint: 'execute' }, 0)], {
      metrics: new Map([decl('db_time', 'trend', 'time')]),
    });
    const from = aggregatesOf(
      [
        point('http_req_duration', 20, { endpoint: 'execute' }, 1),
        point('http_req_duration', 40, { endpoint: 'poll' }, 2),
        point('credits_used', 5, { endpoint: 'execute' }, 3),
      ],
      {
        metrics: new Map([decl('db_time', 'trend', 'default'), decl('credits_used', 'counter', 'default')]),
      },
    );
    into.badLines = 1;
    from.badLines = 2;
    mergeAggregates(into, from);
    // `into` keeps its own declaration of a metric both declare, and learns the new one.
    expect(into.metrics.get('db_time')?.contains).toBe('time');
    expect(into.metrics.get('credits_used')?.type).toBe('counter');
    expect([into.points, into.badLines]).toEqual([4, 3]);
    expect(
      tagSetsOf(into, 'http_req_duration', { endpoint: 'execute' }).map((t) => [t.count, t.sum]),
    ).toEqual([[2, 30]]);
    const poll = into.series.get('http_req_duration\u0000poll')?.aggregate;
    expect([poll?.count, poll?.firstTime, poll?.reservoir?.values]).toEqual([1, T0 + 200, [40]]);
    expect(into.series.get('credits_used\u0000execute')?.aggregate.reservoir).toBeUndefined();
    expect(sumOf(into, 'credits_used')).toBe(5);
  });

  it('merges shards read with and without reservoirs or kept samples, without failing', () => {
    const points = [point('time_to_completion', 100, { endpoint: 'execute', conversation: 'c1' })];
    const into = aggregatesOf(points, { reservoir: 0 });
    mergeAggregates(into, aggregatesOf(points, { keep: ['time_to_completion'] }));
    const merged = into.series.get('time_to_completion\u0000execute')?.aggregate;
    expect([merged?.count, merged?.reservoir]).toEqual([2, undefined]);
    // The other way round: `into`'s reservoir keeps its values, and gains none from a shard without one.
    const withReservoir = mergeAggregates(aggregatesOf(points), aggregatesOf(points, { reservoir: 0 }));
    expect(withReservoir.series.get('time_to_completion\u0000execute')?.aggregate.reservoir?.values).toEqual([
      100,
    ]);
  });
});
