import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RELATIVE_ERROR,
  bootstrapRelativeChange,
  compareRuns,
  mannWhitneyU,
  quantileSorted,
  readRunAggregates,
  readRunSamples,
  seededRandom,
  seriesOf,
} from '../../src/compare/index.js';
import type { FixtureSample } from '../fixtures/k6-json-output.js';
import { fixtureRunId, writeRunFolder } from '../fixtures/run-folder.js';

/**
 * The streaming reader against the raw one on the same seeded files: exact aggregates equal,
 * histogram quantiles within the stated relative error, and compare's verdicts — computed today
 * from the raw points — unchanged when computed from the reservoirs.
 */
let reports: string;
beforeAll(() => {
  reports = mkdtempSync(join(tmpdir(), 'harness-stream-'));
});
afterAll(() => rmSync(reports, { recursive: true, force: true }));

function run(seed: number, n: number, slowMs = 0): string {
  const r = seededRandom(seed);
  const samples: FixtureSample[] = [];
  const start = Date.parse('2026-11-28T12:00:00Z');
  for (let i = 0; i < n; i += 1)
    for (const [endpoint, workflow] of [
      ['executeWorkflow', 'fast'],
      ['getConversationById', undefined],
    ] as const) {
      const value = 8 * Math.exp(0.6 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
      const tags: Record<string, string> = { endpoint, status: '200', conversation: `c${i}` };
      if (workflow !== undefined) tags.workflow = workflow;
      const time = start + i * 7;
      samples.push({ metric: 'http_req_duration', time, value: value + (workflow ? slowMs : 0), tags });
      samples.push({ metric: 'http_reqs', time, value: 1, tags });
    }
  return writeRunFolder(reports, { runId: fixtureRunId() }, samples);
}

describe('streaming sample aggregates', () => {
  it('keeps exact counts, sums, min and max, and quantiles within the stated error', async () => {
    const dir = run(11, 3000);
    const raw = await readRunSamples(dir);
    const agg = await readRunAggregates(dir, { reservoir: 500 });
    expect(agg.points).toBe(raw.points.length);
    expect(agg.series.size).toBe(4);
    for (const entry of agg.series.values()) {
      const values = raw.points
        .filter((p) => p.metric === entry.metric && seriesOf(p) === entry.series)
        .map((p) => p.value);
      const a = entry.aggregate;
      expect(a.count).toBe(values.length);
      expect(a.sum).toBeCloseTo(
        values.reduce((x, y) => x + y, 0),
        6,
      );
      expect(a.min).toBe(Math.min(...values));
      expect(a.max).toBe(Math.max(...values));
      const sorted = Float64Array.from(values).sort();
      for (const q of [0.5, 0.9, 0.95, 0.99]) {
        const exact = sorted[Math.floor(q * (sorted.length - 1))];
        expect(Math.abs(a.histogram.quantile(q) / exact - 1)).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);
      }
      if (entry.metric === 'http_req_duration') {
        expect(a.reservoir?.values).toHaveLength(500);
        expect(a.reservoir?.seen).toBe(values.length);
      }
    }
    // The per-execution tag stays out of the tag sets: they do not grow with the run.
    expect(agg.tagSets.size).toBe(4);
    expect([...agg.tagSets.values()].every((t) => t.tags.conversation === undefined)).toBe(true);
  });

  it("compare's verdicts, intervals and counts equal those computed from the raw points", async () => {
    const base = run(21, 400);
    const cases = { same: run(22, 400), slow: run(23, 400, 20) };
    const reference = async (dir: string): Promise<Map<string, number[]>> => {
      const groups = new Map<string, number[]>();
      for (const p of (await readRunSamples(dir)).points) {
        if (p.metric !== 'http_req_duration') continue;
        const key = `${p.metric} ${seriesOf(p)}`;
        groups.set(key, [...(groups.get(key) ?? []), p.value]);
      }
      return groups;
    };
    const b = await reference(base);
    const verdicts: string[] = [];
    for (const dir of Object.values(cases)) {
      const result = await compareRuns(base, dir, { seed: 5, iterations: 300 });
      const c = await reference(dir);
      expect(result.comparisons).toHaveLength(b.size);
      for (const cmp of result.comparisons) {
        const key = `${cmp.metric} ${cmp.endpoint}`;
        const [bv, cv] = [b.get(key)!, c.get(key)!];
        expect(cmp.baselineCount).toBe(bv.length);
        expect(cmp.change).toEqual(bootstrapRelativeChange(bv, cv, { q: 0.95, iterations: 300, seed: 5 }));
        expect(cmp.rank).toEqual(mannWhitneyU(bv, cv));
        expect(cmp.currentP95).toBe(quantileSorted(Float64Array.from(cv).sort(), 0.95));
        verdicts.push(`${cmp.endpoint}: ${cmp.verdict}`);
      }
    }
    expect(verdicts).toEqual([
      'executeWorkflow (fast): no-change',
      'getConversationById: no-change',
      'executeWorkflow (fast): regression',
      'getConversationById: no-change',
    ]);
  });
});
