import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatesOf, type RawSample } from '../../src/compare/index.js';
import { thresholdsJunit } from '../../src/load/index.js';
import { detectionLag, fetchFinishedAt, pollsPerExecution, timeoutClasses } from '../../src/load/truth.js';
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
  const finished: Record<string, number> = { a: 1_000_000, b: 2_000_000, 'c d/e': 7 };
  // What the reference answers for conversations other than a and b: a finish time must come
  // from an OK answer, from the latest turn, and be a number.
  const bodies: Record<string, { status: number; body: unknown }> = {
    failing: { status: 500, body: { turns: [{ finishedAt: 5 }] } },
    'no-turns': { status: 200, body: { conversationId: 'no-turns' } },
    'empty-turns': { status: 200, body: { turns: [] } },
    running: { status: 200, body: { turns: [{ finishedAt: 5 }, { finishedAt: null }] } },
    three: { status: 200, body: { turns: [{ finishedAt: 1 }, { finishedAt: 2 }, { finishedAt: 3 }] } },
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const id = decodeURIComponent(req.url?.split('/').at(-1) ?? '');
      const onPath = req.url?.startsWith('/__reference/executions/') === true;
      const canned = onPath ? bodies[id] : undefined;
      if (onPath && finished[id] !== undefined) {
        res
          .setHeader('content-type', 'application/json')
          .end(JSON.stringify({ conversationId: id, turns: [{ finishedAt: finished[id] }] }));
      } else if (canned !== undefined) {
        res.writeHead(canned.status, { 'content-type': 'application/json' }).end(JSON.stringify(canned.body));
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

  it("reads the finish time of the conversation's latest turn, whatever slashes end the base URL", async () => {
    expect(await fetchFinishedAt(url, 'a')).toBe(1_000_000);
    expect(await fetchFinishedAt(`${url}//`, 'b')).toBe(2_000_000);
    expect(await fetchFinishedAt(url, 'c d/e')).toBe(7);
    expect(await fetchFinishedAt(url, 'three')).toBe(3);
  });

  it('has no finish time for an error answer, a body without turns, or a latest turn still running', async () => {
    expect(await fetchFinishedAt(url, 'failing')).toBeUndefined();
    expect(await fetchFinishedAt(url, 'no-turns')).toBeUndefined();
    expect(await fetchFinishedAt(url, 'empty-turns')).toBeUndefined();
    expect(await fetchFinishedAt(url, 'running')).toBeUndefined();
    expect(await fetchFinishedAt(url, 'unknown')).toBeUndefined();
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
