import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readResults } from '../../src/load/read-results.js';

/**
 * What the harness reads back from the engine's work folder after load: the summary data and the
 * raw samples. Files an engine stopped at its bound left half-written count as absent; the same
 * damage after a normal exit is an error, never a silently empty run.
 */

const dir = mkdtempSync(join(tmpdir(), 'read-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = { engine: { kind: 'local' as const, version: null }, scenario: 'sync-latency' };
const point = (metric: string, value: number, tags: Record<string, string>): string =>
  JSON.stringify({ type: 'Point', metric, data: { time: '2026-11-30T10:00:00Z', value, tags } });

describe('reading the engine’s results', () => {
  it('builds load-summary.json, judging a statistic the engine lacked on the samples, and keeps each completion whole', async () => {
    const summary = join(dir, 'ok-summary.json');
    const samples = join(dir, 'ok-samples.json.gz');
    writeFileSync(
      summary,
      JSON.stringify({
        metrics: {
          time_to_completion: {
            type: 'trend',
            contains: 'time',
            values: { avg: 20 },
            thresholds: { 'p(99)<100': { ok: true } },
          },
        },
        state: { testRunDurationMs: 2500 },
      }),
    );
    writeFileSync(
      samples,
      gzipSync(
        [
          point('time_to_completion', 10, { conversation: 'c1' }),
          point('time_to_completion', 30, { conversation: 'c2' }),
          '',
        ].join('\n'),
      ),
    );
    const results = await readResults({ summary, samples }, false, context);
    expect(results.summary).toMatchObject({
      scenario: 'sync-latency',
      durationMs: 2500,
      engine: context.engine,
    });
    expect(results.summary?.thresholds[0]).toMatchObject({
      measuredFrom: 'samples',
      measured: expect.closeTo(29.8, 9) as number,
    });
    // The detection lag needs each completion's conversation, a per-sample tag the aggregates drop.
    expect(results.samples.kept.get('time_to_completion')?.values.map((s) => s.tags.conversation)).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('no files at all: no summary and no samples, whether or not the engine was stopped', async () => {
    for (const stopped of [false, true]) {
      const results = await readResults(
        { summary: join(dir, 'none.json'), samples: join(dir, 'none.gz') },
        stopped,
        context,
      );
      expect(results.summary).toBeUndefined();
      expect(results.samples.points).toBe(0);
      expect(results.samples.kept.has('time_to_completion')).toBe(true);
    }
  });

  it('data that is not handleSummary data gives no summary', async () => {
    const summary = join(dir, 'other.json');
    writeFileSync(summary, JSON.stringify({ version: '1.0.0', results: {} }));
    expect(
      (await readResults({ summary, samples: join(dir, 'none.gz') }, false, context)).summary,
    ).toBeUndefined();
  });

  it('a torn summary file: absent when the engine was stopped, an error otherwise', async () => {
    const summary = join(dir, 'torn.json');
    writeFileSync(summary, '{"metrics": {"checks": {"ty');
    const files = { summary, samples: join(dir, 'none.gz') };
    expect((await readResults(files, true, context)).summary).toBeUndefined();
    await expect(readResults(files, false, context)).rejects.toThrow(SyntaxError);
  });

  it('a truncated samples archive: empty samples when the engine was stopped, an error otherwise', async () => {
    const samples = join(dir, 'torn.json.gz');
    writeFileSync(samples, gzipSync(point('http_reqs', 1, {}).repeat(50)).subarray(0, 30));
    const files = { summary: join(dir, 'none.json'), samples };
    const stopped = await readResults(files, true, context);
    expect(stopped.samples.points).toBe(0);
    expect(stopped.samples.kept.has('time_to_completion')).toBe(true);
    await expect(readResults(files, false, context)).rejects.toThrow();
  });
});
