import { describe, expect, it } from 'vitest';
import {
  PLANNED_COUNT,
  type Subject,
  type Transcript,
  listSubjects,
  readTranscripts,
  segmentFacts,
  sequenceFlag,
} from './kit/index.js';

/**
 * What k6 v2.2.0 recorded for the segmented conformance scripts (segments-*.mjs and their
 * @variants): the segments of one sequence together do exactly the work of the unsegmented
 * run. The replays (replay-conformance.test.ts) hold the local engine to each segment's
 * recording exactly (kit/segments.ts), so the same sums hold for it.
 */
const transcripts = readTranscripts();
const subjects = listSubjects().filter((s) => s.kind === 'conformance' && s.script.startsWith('segments-'));
const scripts = [...new Set(subjects.map((s) => s.script))];

interface Totals {
  iterations: Record<string, number>;
  work: string[];
  vus: number[];
  initialised: number;
}

/** What a set of runs did together: planned iterations per scenario, iterations by iterationInTest, VUs by idInTest. */
function totals(ts: readonly Transcript[]): Totals {
  const out: Totals = { iterations: {}, work: [], vus: [], initialised: 0 };
  for (const t of ts) {
    const f = segmentFacts(t.observed);
    for (const [name, n] of Object.entries(f.iterations))
      if (PLANNED_COUNT.has(t.executors[name] ?? '?')) out.iterations[name] = (out.iterations[name] ?? 0) + n;
    // iterationInInstance is the instance's own count: only iterationInTest is comparable with the whole run.
    out.work.push(...f.work.map((w) => w.split(' ').slice(0, 2).join(' ')));
    out.vus.push(...f.vus);
    out.initialised += Object.values(f.plan).reduce((a, b) => a + b, 0);
  }
  out.work.sort();
  out.vus.sort((a, b) => a - b);
  out.iterations = Object.fromEntries(Object.entries(out.iterations).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}

/** The variants of a script by the sequence they name ('' for segments given alone). */
function bySequence(variants: readonly Subject[]): Map<string, Subject[]> {
  const out = new Map<string, Subject[]>();
  for (const v of variants) {
    const key = sequenceFlag(v.flags) ?? '';
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  return out;
}

describe('k6 recordings of segmented runs: the segments of a sequence add up to the whole test', () => {
  it('there are segmented scripts with recorded variants', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(subjects.every((s) => transcripts.has(s.id))).toBe(true);
  });

  for (const script of scripts) {
    const whole = transcripts.get(`conformance/${script}`);
    const groups = bySequence(subjects.filter((s) => s.script === script && s.flags.length > 0));
    for (const [sequence, variants] of groups) {
      if (sequence === '') continue;
      it(`${script}: the segments of ${sequence} run every planned iteration and iterationInTest of the whole run once, and as many VUs`, () => {
        const parts = totals(variants.map((v) => transcripts.get(v.id)!));
        const all = totals([whole!]);
        expect(parts.iterations).toEqual(all.iterations);
        expect(parts.work).toEqual(all.work);
        // idInTest is unique across the instances but need not be 1..N: an instance numbers its VUs from
        // its stripe of all VUs, and 0:1/3 of 4 + 5 VUs initialises 2 + 2 of them (ids 1, 4, 7, 10).
        expect(parts.vus.length).toBe(all.vus.length);
        expect(new Set(parts.vus).size).toBe(parts.vus.length);
        expect(parts.initialised).toBe(all.initialised);
        expect(Object.keys(parts.iterations).length + parts.vus.length).toBeGreaterThan(0);
      });
    }
    it(`${script}: each run saw its segment and sequence in exec.test.options as given (normalised)`, () => {
      for (const v of groups.values())
        for (const s of v) {
          const plan = Object.keys(segmentFacts(transcripts.get(s.id)!.observed).plan);
          const segment = s.flags[s.flags.indexOf('--execution-segment') + 1];
          expect(plan, s.id).toEqual([`${segment}|${sequenceFlag(s.flags) ?? 'null'}`]);
        }
      expect(Object.keys(segmentFacts(whole!.observed).plan)).toEqual(['null|null']);
    });
  }

  it('segments given without a sequence do not add up: each fills its own sequence, so k6 needs --execution-segment-sequence', () => {
    // The same check as above, on the thirds recorded without a sequence: it must see the difference.
    const mismatched = scripts.filter((script) => {
      const alone = bySequence(subjects.filter((s) => s.script === script && s.flags.length > 0)).get('');
      if (alone === undefined) return false;
      const parts = totals(alone.map((v) => transcripts.get(v.id)!));
      const all = totals([transcripts.get(`conformance/${script}`)!]);
      return (
        JSON.stringify([parts.iterations, parts.work, parts.vus]) !==
        JSON.stringify([all.iterations, all.work, all.vus])
      );
    });
    expect(mismatched).toEqual(scripts);
  });
});
