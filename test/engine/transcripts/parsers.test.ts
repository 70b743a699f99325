import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { type RawSample, aggregatesOf, emptyAggregates, readSamples } from '../../../src/compare/index.js';
import { buildLoadSummary, isClassicSummaryData, parseK6Version } from '../../../src/load/index.js';
import { pollsPerExecution, timeoutClasses } from '../../../src/load/truth.js';
import { type Transcript, readTranscripts } from './kit/index.js';

/**
 * Every parser of k6 output that `harness load` uses, run on what real k6 wrote (the recorded
 * transcripts): `k6 version`, the --summary-export file, the JSON samples (a bounded slice of the
 * raw lines is recorded; the aggregates come from the whole file).
 */
const transcripts = [...readTranscripts().values()];
const dir = mkdtempSync(join(tmpdir(), 'k6-parsers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const declared = (t: Transcript): string[] =>
  Object.entries(t.thresholds)
    .flatMap(([metric, list]) => list.map((e) => `${metric} ${e}`))
    .sort();

/** "metric expression" of every threshold k6 evaluated, read straight off its handleSummary data. */
const thresholdKeysOf = (data: { metrics: Record<string, { thresholds?: Record<string, unknown> }> }) =>
  Object.entries(data.metrics)
    .flatMap(([metric, m]) => Object.keys(m.thresholds ?? {}).map((e) => `${metric} ${e}`))
    .sort();

/** Points rebuilt from the recorded aggregates: one per sample, each at its series' mean. */
function pointsFromAggregates(t: Transcript): RawSample[] {
  const o = t.observed;
  return Object.entries(o.metrics).flatMap(([metric, m]) =>
    m.series.flatMap(([tagSet, count, sum]) =>
      Array.from({ length: count }, () => ({
        metric,
        time: 0,
        value: sum / count,
        tags: JSON.parse(o.tagSets[tagSet] ?? '{}') as Record<string, string>,
      })),
    ),
  );
}

describe('src/load parsers on real k6 output (recorded transcripts)', () => {
  it('there are transcripts to read', () => {
    expect(transcripts.length).toBeGreaterThan(0);
  });

  it('parseK6Version reads `k6 version` as `k6 version --json` states it', () => {
    for (const t of transcripts)
      expect(parseK6Version(t.k6.versionText)).toBe(
        (t.k6.versionJson as { version: string }).version.replace(/^v/, ''),
      );
  });

  // load-summary.json is built from the classic handleSummary data (src/load/build-load-summary.ts):
  // the one output that carries every threshold's verdict on k6 1.x, 2.x and the local engine.
  const classic = transcripts.filter((t) => isClassicSummaryData(t.observed.handleSummary));

  it('some transcripts carry the classic handleSummary data that load-summary.json is built from', () => {
    expect(classic.length).toBeGreaterThan(0);
  });

  for (const t of classic) {
    it(`buildLoadSummary finds every declared threshold of ${t.id} with k6's verdict`, () => {
      if (!isClassicSummaryData(t.observed.handleSummary)) throw new Error('filtered above');
      const summary = buildLoadSummary(t.observed.handleSummary, {
        engine: { kind: 'k6', version: parseK6Version(t.k6.versionText) ?? null },
        scenario: t.id,
        samples: emptyAggregates(),
      });
      const found = summary.thresholds.map((r) => `${r.metric} ${r.expression}`).sort();
      // A conformance script declares its thresholds statically (`k6 inspect` lists them); a
      // scenario bundle builds them from its __ENV (the target profile's overrides), which
      // `k6 inspect` did not get: there, every threshold k6 evaluated must be found, each once.
      if (t.id.startsWith('conformance/')) expect(found).toEqual(declared(t));
      else expect(found).toEqual(thresholdKeysOf(t.observed.handleSummary));
      // k6 exits 99 exactly when one was crossed (abortOnFail included).
      expect(summary.thresholds.some((r) => !r.ok)).toBe(t.observed.exitCode === 99);
    });
  }

  it('readSamples reads the raw NDJSON k6 wrote (gzipped): every Point, its time and tags, every Metric', async () => {
    for (const t of transcripts.filter((x) => x.observed.samplesSlice.length > 0)) {
      const file = join(dir, `${t.id.replace('/', '-')}.json.gz`);
      writeFileSync(file, gzipSync(`${t.observed.samplesSlice.join('\n')}\n`));
      const read = await readSamples(file);
      const lines = t.observed.samplesSlice.map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            metric: string;
            data: { time?: string; value?: number; tags?: object };
          },
      );
      const points = lines.filter((l) => l.type === 'Point');
      expect(read.badLines, t.id).toBe(0);
      expect(
        read.points.map((p) => [p.metric, p.value, p.tags]),
        t.id,
      ).toEqual(points.map((l) => [l.metric, l.data.value, l.data.tags ?? {}]));
      // k6 writes nanosecond timestamps: each must still land on its millisecond.
      read.points.forEach((p, i) => expect(p.time).toBe(Math.floor(Date.parse(points[i].data.time!))));
      for (const l of lines.filter((x) => x.type === 'Metric'))
        expect(read.metrics.get(l.metric)?.type, `${t.id} ${l.metric}`).toBe(
          t.observed.metrics[l.metric]?.type,
        );
    }
  });

  it('timeoutClasses classifies every timeout-boundary call k6 made', () => {
    const t = transcripts.find((x) => x.id === 'scenario/timeout-boundary');
    expect(t).toBeDefined();
    const classes = timeoutClasses(aggregatesOf(pointsFromAggregates(t!)));
    const total = Object.values(classes).reduce((a, b) => a + b, 0);
    expect(total).toBe(t!.observed.scenarios['timeout-boundary']?.iterations);
  });

  it('pollsPerExecution counts one value per background execution k6 completed', () => {
    const t = transcripts.find((x) => x.id === 'scenario/background-polling');
    expect(t).toBeDefined();
    const polls = pollsPerExecution(aggregatesOf(pointsFromAggregates(t!)));
    expect(polls.executions).toBe(t!.observed.scenarios['background-polling']?.iterations);
    expect(polls.max).toBeGreaterThanOrEqual(1);
  });
});
