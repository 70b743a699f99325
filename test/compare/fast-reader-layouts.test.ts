import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatesOf, readAggregates, readSamples, seriesOf } from '../../src/compare/index.js';

/**
 * The streaming reader skips JSON.parse for Point lines in k6's layout (metric first) and the
 * local engine's (metric last); anything else goes to the full parser. Both paths must agree with
 * the raw reader, sample for sample.
 */
const RECORDED = 'test/load/fixtures/k6-2.2.0-sync-latency.samples.json.gz';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'harness-layouts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectSameAsRaw(file: string): Promise<number> {
  const raw = await readSamples(file);
  const agg = await readAggregates(file);
  expect(agg.points).toBe(raw.points.length);
  expect(agg.badLines).toBe(raw.badLines);
  for (const entry of agg.series.values()) {
    const mine = raw.points.filter((p) => p.metric === entry.metric && seriesOf(p) === entry.series);
    expect(entry.aggregate.count).toBe(mine.length);
    expect(entry.aggregate.sum).toBeCloseTo(
      mine.reduce((n, p) => n + p.value, 0),
      6,
    );
    expect(entry.aggregate.firstTime).toBe(Math.min(...mine.map((p) => p.time)));
  }
  return agg.series.size;
}

describe('fast Point parsing', () => {
  it("k6's recorded output (metric first) reads as the raw reader reads it", async () => {
    expect(await expectSameAsRaw(RECORDED)).toBeGreaterThan(5);
  });

  it("the local engine's layout, escaped tags, null tags, a torn line and a time zone offset agree too", async () => {
    const file = join(dir, 'mixed.json');
    const lines = [
      '{"type":"Metric","data":{"name":"m","type":"trend","contains":"time"},"metric":"m"}',
      '{"type":"Point","data":{"time":"2026-11-30T12:00:00.5Z","value":2,"tags":{"endpoint":"a","url":"u/1"}},"metric":"m"}',
      '{"type":"Point","data":{"time":"2026-11-30T12:00:01Z","value":3,"tags":{"endpoint":"a","url":"u/2"}},"metric":"m"}',
      '{"type":"Point","data":{"time":"2026-11-30T12:00:02.25Z","value":4,"tags":{"endpoint":"b\\"}","x":"y"}},"metric":"m"}',
      '{"metric":"m","type":"Point","data":{"time":"2026-11-30T13:00:03.125+01:00","value":5,"tags":null}}',
      '{"metric":"m","type":"Point","data":{"time":"2026-11-30T12:00:04.000000001Z","value":6,"tags":{"endpoint":"a"}}}',
      '{"metric":"m","type":"Point","data":{"time":"2026-11-30T12:00:0',
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await expectSameAsRaw(file)).toBe(3);
  });

  it('numbers, UTF-8 tag values, CRLF endings and lines across gunzip chunks read byte for byte as JSON.parse reads them', async () => {
    const values = [
      '0',
      '-0',
      '1',
      '-17',
      '5.000039129671121',
      '0.1',
      '123456789.123456789',
      '1e-7',
      '2.5E+3',
      '-3.25',
    ];
    const lines: string[] = [];
    // Enough lines (≈ 3 MB unzipped) that some straddle the reader's 1 MB chunks.
    for (let i = 0; i < 12_000; i += 1) {
      const value = values[i % values.length];
      const endpoint = ['é-ünïcode ✓', 'plain', 'a,b:c'][i % 3];
      const tags = `{"endpoint":"${endpoint}","iter":"${i}","status":"200","url":"http://x.invalid/${i}","vu":"${i % 7}"}`;
      const ms = String(i % 1000).padStart(3, '0');
      const time = `2026-11-30T12:${String(Math.floor(i / 1000) % 60).padStart(2, '0')}:00.${ms}${i % 5 === 0 ? '' : '987'}Z`;
      lines.push(
        i % 2 === 0
          ? `{"metric":"m${i % 4}","type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}}}`
          : `{"type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}},"metric":"m${i % 4}"}`,
      );
    }
    const file = join(dir, 'edges.json.gz');
    writeFileSync(file, gzipSync(`${lines.join('\r\n')}\r\n`));
    const raw = await readSamples(file);
    const agg = await readAggregates(file);
    const expected = aggregatesOf(raw.points);
    expect(raw.points).toHaveLength(lines.length);
    expect(agg.points).toBe(lines.length);
    expect(agg.badLines).toBe(0);
    const totals = (set: typeof agg): unknown[] =>
      [...set.tagSets.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, t]) => [key, t.count, t.sum, t.stats.min, t.stats.max]);
    expect(totals(agg)).toEqual(totals(expected));
    expect(agg.tagSets.size).toBe(12);
    for (const [key, entry] of expected.series) {
      const mine = agg.series.get(key)!.aggregate;
      expect([mine.firstTime, mine.lastTime, [...mine.perSecond]]).toEqual([
        entry.aggregate.firstTime,
        entry.aggregate.lastTime,
        [...entry.aggregate.perSecond],
      ]);
    }
  });
});
