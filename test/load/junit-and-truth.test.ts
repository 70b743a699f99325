import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatesOf, type RawSample } from '../../src/compare/index.js';
import { thresholdsJunit } from '../../src/load/index.js';
import { detectionLag, pollsPerExecution, timeoutClasses } from '../../src/load/truth.js';
import { threshold } from './threshold-fixture.js';

describe('thresholds → JUnit', () => {
  it('writes one testcase per threshold; a crossed one fails with its measured value and limit', () => {
    const crossed = threshold({
      metric: 'http_req_duration{endpoint:executeWorkflow}',
      name: 'http_req_duration',
      tags: { endpoint: 'executeWorkflow' },
      expression: 'p(95)<600',
      aggregation: 'p(95)',
      limit: 600,
      measured: 812.4567,
      ok: false,
    });
    const xml = thresholdsJunit('load sync-latency (smoke)', [threshold({}), crossed], [], 1.5);
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain(
      '<testcase classname="load sync-latency (smoke)" name="http_req_failed: rate&lt;0.01"/>',
    );
    expect(xml).toContain(
      '<failure message="threshold crossed: p(95) = 812.5, limit 600 (p(95)&lt;600)">Received: http_req_duration{endpoint:executeWorkflow} p(95) = 812.5 / Documented: p(95)&lt;600 (limit 600)</failure>',
    );
  });

  it('adds a failing testcase per named failure of the run, and passes on a clean run', () => {
    const clean = thresholdsJunit('s', [threshold({})], [], 1);
    expect(clean).toContain('tests="1" failures="0"');
    expect(clean).not.toContain('<failure');
    const xml = thresholdsJunit(
      's',
      [threshold({})],
      [{ code: 'LOAD_TIMEOUT', message: 'ran past 5 ms' }],
      1,
    );
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml).toContain('<failure message="LOAD_TIMEOUT">ran past 5 ms</failure>');
  });
});

describe('ground truth', () => {
  let server: Server;
  let url: string;
  const finished: Record<string, number> = { a: 1_000_000, b: 2_000_000 };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const id = decodeURIComponent(req.url?.split('/').at(-1) ?? '');
      if (req.url?.startsWith('/__reference/executions/') && finished[id] !== undefined) {
        res
          .setHeader('content-type', 'application/json')
          .end(JSON.stringify({ conversationId: id, turns: [{ finishedAt: finished[id] }] }));
      } else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('measures lag from the completing poll to the recorded finish, skipping unknown conversations', async () => {
    const points: RawSample[] = [
      { metric: 'time_to_completion', time: 1_000_040, value: 500, tags: { conversation: 'a' } },
      { metric: 'time_to_completion', time: 2_000_010, value: 500, tags: { conversation: 'b' } },
      { metric: 'time_to_completion', time: 3_000_000, value: 500, tags: { conversation: 'gone' } },
      { metric: 'time_to_completion', time: 3_000_000, value: 500, tags: {} },
    ];
    const lag = await detectionLag(aggregatesOf(points, { keep: ['time_to_completion'] }), url, 0.02);
    expect(lag.executions).toBe(2);
    expect(lag.medianMs).toBe(25);
    expect(lag.realTimeMedianMs).toBe(1250);
  });

  it('summarises polls per execution and timeout classes from the samples', () => {
    const polls = [3, 4, 5, 6].map((value) => ({ metric: 'polls_per_execution', time: 0, value, tags: {} }));
    expect(pollsPerExecution(aggregatesOf(polls))).toMatchObject({ executions: 4, median: 4.5, max: 6 });
    const calls = [
      { class: 'server_timeout' },
      { class: 'server_timeout' },
      { class: 'answered_below_limit' },
    ].map((tags) => ({ metric: 'sync_calls', time: 0, value: 1, tags }));
    expect(timeoutClasses(aggregatesOf(calls))).toEqual({ server_timeout: 2, answered_below_limit: 1 });
  });
});
