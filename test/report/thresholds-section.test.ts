import { describe, expect, it } from 'vitest';
import { thresholdsOf, thresholdsSection } from '../../src/report/thresholds-section.js';
import type { LoadThreshold } from '../../src/types/generated/load-summary.js';

const t = (over: Partial<LoadThreshold>): LoadThreshold => ({
  metric: 'http_reqs',
  name: 'http_reqs',
  tags: {},
  scenario: null,
  expression: 'count>0',
  aggregation: 'count',
  operator: '>',
  limit: 0,
  measured: 31,
  measuredFrom: 'summary',
  ok: true,
  ...over,
});

describe('the report’s threshold table', () => {
  it('lists crossed thresholds first with scenario, tags, measured value and limit, whole and escaped', () => {
    const long = `http_req_duration{endpoint:executeWorkflowBackground,workflow:${'x'.repeat(300)},scenario:mixed}`;
    const html = thresholdsSection([
      t({}),
      t({
        metric: long,
        name: 'http_req_duration',
        tags: { endpoint: '<b>', workflow: 'x'.repeat(300), scenario: 'mixed' },
        scenario: 'mixed',
        expression: 'p(99)<800',
        aggregation: 'p(99)',
        operator: '<',
        limit: 800,
        measured: 1234.5678,
        measuredFrom: 'samples',
        ok: false,
      }),
    ]);
    expect(html).toContain('1 crossed</span> of 2');
    const rows = html.match(/<tr class="(ok|crossed)">.*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(
      `<tr class="crossed"><td class="verdict failed">crossed</td><td><code>http_req_duration</code></td><td>mixed</td><td>endpoint=&lt;b&gt;, workflow=${'x'.repeat(300)}</td><td><code>p(99)&lt;800</code></td><td>p(99) = 1235 (raw samples)</td><td>800</td></tr>`,
    );
    expect(rows[1]).toContain('<td class="verdict passed">ok</td>');
    expect(rows[1]).toContain('<td>count = 31</td><td>0</td>');
  });

  it('says when the engine reported none, and stays away when load did not run', () => {
    expect(thresholdsSection([])).toContain('The engine reported no threshold verdict.');
    expect(thresholdsSection(thresholdsOf(undefined))).toBe('');
    expect(thresholdsOf({ thresholds: [t({})] })).toEqual([t({})]);
    // A run folder from before thresholds carried values.
    const old = thresholdsSection(
      thresholdsOf({ thresholds: [{ metric: 'm{scenario:s}', expression: 'rate<1', ok: false }] }),
    );
    expect(old).toContain(
      '<td class="verdict failed">crossed</td><td><code>m{scenario:s}</code></td><td>—</td><td>—</td><td><code>rate&lt;1</code></td><td>—</td><td>—</td>',
    );
  });
});
