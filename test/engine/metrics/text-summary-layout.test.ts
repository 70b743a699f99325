import { describe, expect, it } from 'vitest';
import { textSummary } from '../../../src/engine/metrics/index.js';

/**
 * The end-of-test text a user reads (k6's classic summary layout): checks by group with their
 * pass share, every metric type's values, ✗ on a metric when any of its thresholds failed, sub-metrics
 * under their metric, the trend columns and time unit the script chose, and the ANSI colours.
 */
const DATA = {
  options: { summaryTrendStats: ['avg', 'p(99)', 'count', 'p(99.9)'], summaryTimeUnit: 'ms' },
  root_group: {
    name: '',
    checks: [{ name: 'status is 200', passes: 3, fails: 0 }],
    groups: [
      {
        name: 'login',
        checks: [{ name: 'has token', passes: 1, fails: 3 }],
        groups: [{ name: 'refresh', checks: [], groups: [] }],
      },
    ],
  },
  metrics: {
    http_reqs: { type: 'counter', contains: 'default', values: { count: 4, rate: 2 } },
    vus: { type: 'gauge', contains: 'default', values: { value: 2, min: 1, max: 3 } },
    checks: {
      type: 'rate',
      contains: 'default',
      values: { rate: 0.5, passes: 4, fails: 4 },
      thresholds: { 'rate>0.9': { ok: false }, 'rate>0.1': { ok: true } },
    },
    http_req_duration: {
      type: 'trend',
      contains: 'time',
      values: { avg: 1500, 'p(99)': 2500, count: 4, med: 1 },
      thresholds: { 'p(99)<3000': { ok: true } },
    },
    'http_req_duration{expected_response:true}': {
      type: 'trend',
      contains: 'time',
      values: { avg: 1000, 'p(99)': 2000, count: 2 },
    },
  },
};

describe('text summary layout', () => {
  it('lays out groups, checks, every metric type and threshold marks as k6 does', () => {
    expect(textSummary(DATA, { enableColors: false })).toBe(
      [
        '',
        '     ✓ status is 200',
        '',
        '     █ login',
        '',
        '       ✗ has token',
        '        ↳  25% — ✓ 1 / ✗ 3',
        '',
        '       █ refresh',
        '',
        '   ✗ checks.........................: 50.00% ✓ 4 ✗ 4',
        '   ✓ http_req_duration..............: avg=1500.00ms p(99)=2500.00ms count=4',
        '       { expected_response:true }...: avg=1000.00ms p(99)=2000.00ms count=2',
        '     http_reqs......................: 4 2/s',
        '     vus............................: 2 min=1 max=3',
        '',
      ].join('\n'),
    );
  });

  it('paints marks, values and dots with ANSI colours when asked, after the given indent', () => {
    const [green, red, cyan, grey, reset] = [
      '\u001b[32m',
      '\u001b[31m',
      '\u001b[36m',
      '\u001b[90m',
      '\u001b[0m',
    ];
    const lines = textSummary(DATA, { enableColors: true, indent: '>' }).split('\n');
    expect(lines[1]).toBe(`>    ${green}✓${reset} status is 200`);
    expect(lines[5]).toBe(`>      ${red}✗${reset} has token`);
    expect(lines[6]).toBe(`>       ${red}↳  25% — ✓ 1 / ✗ 3${reset}`);
    expect(lines[10]).toBe(
      `>  ${red}✗${reset} checks${grey}.........................${reset}: ${cyan}50.00%${reset} ✓ 4 ✗ 4`,
    );
    expect(lines[11]).toBe(
      `>  ${green}✓${reset} http_req_duration${grey}..............${reset}: avg=${cyan}1500.00ms${reset} p(99)=${cyan}2500.00ms${reset} count=${cyan}4${reset}`,
    );
    expect(lines[13]).toBe(
      `>    http_reqs${grey}......................${reset}: ${cyan}4${reset} ${cyan}2${reset}/s`,
    );
  });

  it("without options: k6's default trend columns and a time unit chosen per value", () => {
    const data = {
      metrics: {
        x: {
          type: 'trend',
          contains: 'time',
          values: { avg: 1500, min: 0, med: 1, max: 2, 'p(90)': 2, 'p(95)': 2, count: 9 },
        },
      },
    };
    expect(textSummary(data)).toBe('\n     x...: avg=1.5s min=0s med=1ms max=2ms p(90)=2ms p(95)=2ms\n');
  });
});
