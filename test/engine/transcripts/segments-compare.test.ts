import { describe, expect, it } from 'vitest';
import { type Observation, compareSegmentRun, readTranscripts } from './kit/index.js';

/** The segment replays' comparison (kit/segments.ts) finds each kind of difference, and none between a run and itself. */
const transcripts = readTranscripts();
const segmented = [...transcripts.values()].filter((t) => t.args.includes('--execution-segment'));
const arrival = transcripts.get('conformance/segments-arrival-rate@quarters-2')!;
const vus = transcripts.get('conformance/segments-vus@thirds-seq-1')!;
const clone = (o: Observation): Observation => structuredClone(o);

/** The observation with one tag replaced in every tag set that has it. */
function retag(o: Observation, tag: string, from: string, to: string): Observation {
  const out = clone(o);
  out.tagSets.forEach((json, i) => {
    const tags = JSON.parse(json) as Record<string, string>;
    if (tags[tag] === from) out.tagSets[i] = JSON.stringify({ ...tags, [tag]: to });
  });
  return out;
}

describe('compareSegmentRun (a k6 segment recording vs a local run)', () => {
  it('finds nothing between a k6 segment run and itself', () => {
    expect(segmented.length).toBeGreaterThanOrEqual(9);
    for (const t of segmented) expect(compareSegmentRun(t, clone(t.observed)), t.id).toEqual([]);
  });

  it('holds arrival-rate counts exactly (not within the time tolerance) and names the scenario', () => {
    const local = clone(arrival.observed);
    local.scenarios.constant = {
      iterations: arrival.observed.scenarios.constant.iterations + 1,
      dropped: 0,
    };
    expect(compareSegmentRun(arrival, local)).toEqual([
      `scenario constant iterations: k6 ${arrival.observed.scenarios.constant.iterations}, local ${local.scenarios.constant.iterations}`,
    ]);
  });

  it('finds another iterationInTest, another segment seen, other VUs and another vus_max', () => {
    const first = JSON.parse(arrival.observed.tagSets.find((t) => t.includes('in_test'))!) as Record<
      string,
      string
    >;
    expect(compareSegmentRun(arrival, retag(arrival.observed, 'in_test', first.in_test, '999'))).toHaveLength(
      1,
    );
    expect(compareSegmentRun(arrival, retag(arrival.observed, 'segment', '1/4:1/2', '0:1/4'))[0]).toMatch(
      /^segment\|sequence → VUs initialised/,
    );
    const vu = (JSON.parse(vus.observed.tagSets.find((t) => t.includes('"vu"'))!) as { vu: string }).vu;
    expect(compareSegmentRun(vus, retag(vus.observed, 'vu', vu, '99'))[0]).toMatch(
      /^VUs that ran \(idInTest\)/,
    );
    const local = clone(vus.observed);
    local.metrics.vus_max.series[0][4] += 1;
    expect(compareSegmentRun(vus, local)).toEqual([
      `vus_max: k6 ${vus.observed.metrics.vus_max.series[0][4]}, local ${local.metrics.vus_max.series[0][4]}`,
    ]);
  });

  // A stalled run (a loaded machine) drops arrivals the other run started: the schedule must agree.
  describe('an arrival-rate scenario with arrivals dropped by one run only', () => {
    const k6 = arrival.observed;
    const n = k6.scenarios.constant.iterations;
    const workRows = (o: Observation): number[] =>
      o.metrics.segment_work.series
        .map((row, at) => ({ at, tags: JSON.parse(o.tagSets[row[0]] ?? '{}') as Record<string, string> }))
        .filter((r) => r.tags.scenario === 'constant')
        .sort((x, y) => Number(x.tags.in_instance) - Number(y.tags.in_instance))
        .map((r) => r.at);
    /** The local run started `started` of the constant scenario's arrivals and dropped the rest. */
    const dropping = (started: number, keepRow: (rank: number) => boolean): Observation => {
      const local = clone(k6);
      const rows = workRows(k6);
      const gone = new Set(rows.filter((_, rank) => !keepRow(rank)));
      local.metrics.segment_work.series = k6.metrics.segment_work.series.filter((_, at) => !gone.has(at));
      local.scenarios.constant = {
        iterations: started,
        dropped: n + k6.scenarios.constant.dropped - started,
      };
      return local;
    };

    it('accepts it when the other run started the same arrivals first (iterations + dropped equal)', () => {
      expect(n).toBeGreaterThan(3);
      expect(
        compareSegmentRun(
          arrival,
          dropping(n - 2, (rank) => rank < n - 2),
        ),
      ).toEqual([]);
    });

    it('still finds a lost arrival (iterations + dropped short), and iterations numbered otherwise', () => {
      const short = dropping(n - 2, (rank) => rank < n - 2);
      short.scenarios.constant = { iterations: n - 2, dropped: k6.scenarios.constant.dropped + 1 };
      expect(compareSegmentRun(arrival, short)).toEqual([
        `scenario constant iterations: k6 ${n}, local ${n - 2}`,
        `scenario constant dropped: k6 ${k6.scenarios.constant.dropped}, local ${k6.scenarios.constant.dropped + 1}`,
        expect.stringMatching(/^iterations \(scenario iterationInTest iterationInInstance\): k6 /),
      ]);
      // Two dropped, but the local run's iterations are not the first ones: its numbering differs.
      expect(
        compareSegmentRun(
          arrival,
          dropping(n - 2, (rank) => rank >= 2),
        ),
      ).toEqual([
        expect.stringMatching(
          /^iterations started by both runs \(constant: arrivals dropped by one run only\): k6 /,
        ),
      ]);
    });
  });
});
