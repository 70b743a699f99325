import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createMetricsEngine,
  summaryExport,
  type LegacySummaryData,
  type SummaryState,
} from '../../../src/engine/metrics/index.js';

/**
 * `--summary-export` (without --new-machine-readable-summary), compared with what k6 v2.2.0 wrote
 * for the same groups and checks in a real run (2026-11-30): root_group with groups and checks
 * keyed by name and k6's MD5 ids, each metric's values flat, a Rate's as passes/fails/value, and
 * thresholds as { expression: crossed } (true = FAILED).
 */
const STATE: SummaryState = {
  testRunDurationMs: 2000,
  isStdOutTTY: true,
  isStdErrTTY: true,
  checks: [
    { group: '::outer::inner', name: 'deep ok', passes: 1, fails: 0 },
    { group: '::outer', name: 'outer ok', passes: 1, fails: 0 },
    { group: '::outer', name: 'outer bad', passes: 0, fails: 1 },
    { group: '', name: 'root ok', passes: 1, fails: 0 },
  ],
  groups: ['::outer', '::outer::inner'],
  options: { summaryTrendStats: ['avg', 'max', 'count'] },
  scriptPath: 'script.js',
};

/** root_group exactly as k6 v2.2.0 exported it for these groups and checks (ids included). */
const K6_ROOT_GROUP = {
  name: '',
  path: '',
  id: 'd41d8cd98f00b204e9800998ecf8427e',
  groups: {
    outer: {
      name: 'outer',
      path: '::outer',
      id: 'c34b428ee7255085dfe7fef53d3394d5',
      groups: {
        inner: {
          name: 'inner',
          path: '::outer::inner',
          id: 'b6c425bc7b9e3d21a2d56ce7a6de3614',
          groups: {},
          checks: {
            'deep ok': {
              name: 'deep ok',
              path: '::outer::inner::deep ok',
              id: '601509480ed62fb21b5069e74ce422e0',
              passes: 1,
              fails: 0,
            },
          },
        },
      },
      checks: {
        'outer ok': {
          name: 'outer ok',
          path: '::outer::outer ok',
          id: '758f93128fce3810c1635ca2ac5ad55a',
          passes: 1,
          fails: 0,
        },
        'outer bad': {
          name: 'outer bad',
          path: '::outer::outer bad',
          id: 'd70c0ece327e2991f23919f65694d9f6',
          passes: 0,
          fails: 1,
        },
      },
    },
  },
  checks: {
    'root ok': {
      name: 'root ok',
      path: '::root ok',
      id: '9a460c9feaf8ae8dbe8bcfa157778857',
      passes: 1,
      fails: 0,
    },
  },
};

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

function legacy(state: SummaryState): LegacySummaryData {
  const engine = createMetricsEngine();
  engine.define('my_rate', 'rate');
  engine.define('my_gauge', 'gauge');
  engine.setThresholds({ checks: ['rate>0.1', 'rate>0.9'] });
  const add = (metric: string, value: number): void => engine.add({ metric, time: 0, value, tags: {} });
  for (const v of [1, 1, 0, 1]) add('checks', v);
  for (const v of [1, 0, 1]) add('my_rate', v);
  for (const v of [3.5, -2]) add('my_gauge', v);
  for (const v of [10, 30]) add('http_req_duration', v);
  for (let i = 0; i < 4; i++) add('http_reqs', 1);
  return engine.legacySummary(state) as LegacySummaryData;
}

describe('--summary-export (k6 v2.2.0 format)', () => {
  it('root_group keyed by name, with k6 ids, and every metric flat; nothing of options or state', () => {
    expect(summaryExport(legacy(STATE))).toEqual({
      root_group: K6_ROOT_GROUP,
      metrics: {
        checks: { passes: 3, fails: 1, value: 0.75, thresholds: { 'rate>0.1': false, 'rate>0.9': true } },
        my_rate: { passes: 2, fails: 1, value: 2 / 3 },
        my_gauge: { value: -2, min: -2, max: 3.5 },
        http_reqs: { count: 4, rate: 2 },
        http_req_duration: { avg: 20, max: 30, count: 2 },
      },
    });
  });

  it('carries what setup() returned, null included, and nothing when there was no setup data', () => {
    expect(summaryExport(legacy({ ...STATE, setupData: { token: 'abc' } })).setup_data).toEqual({
      token: 'abc',
    });
    expect(summaryExport(legacy({ ...STATE, setupData: null }))).toHaveProperty('setup_data', null);
    expect(summaryExport(legacy(STATE))).not.toHaveProperty('setup_data');
  });

  it('a group path written without its leading "::" is the same group, and a check in an unlisted group creates it', () => {
    const root = legacy({
      ...STATE,
      groups: ['outer'],
      checks: [{ group: 'outer::late', name: 'c', passes: 2, fails: 3 }],
    }).root_group;
    expect(root.groups.map((g) => g.path)).toEqual(['::outer']);
    expect(root.groups[0]?.groups[0]).toEqual({
      name: 'late',
      path: '::outer::late',
      id: md5('::outer::late'),
      groups: [],
      checks: [
        {
          name: 'c',
          path: '::outer::late::c',
          id: md5('::outer::late::c'),
          passes: 2,
          fails: 3,
        },
      ],
    });
    expect(legacy({ ...STATE, groups: ['::'], checks: [] }).root_group.groups).toEqual([]);
  });
});
