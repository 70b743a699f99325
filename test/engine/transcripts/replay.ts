import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Prepared,
  type SubjectKind,
  compareRun,
  compareSegmentRun,
  listSubjects,
  prepareSubjects,
  readTranscripts,
  runSubject,
} from './kit/index.js';
import { KNOWN_DIVERGENCES, REFUSED_BY_DESIGN } from './known-divergences.js';

/**
 * Replays every recorded k6 transcript of one kind on the local engine (a child process, the
 * same command line and __ENV, a fresh server) and expects no difference (kit/compare.ts).
 * One run at a time: the iteration counts of time-based executors must not depend on a
 * neighbour's load.
 */
export function defineReplays(kind: SubjectKind): void {
  const transcripts = readTranscripts();
  const subjects = listSubjects().filter((s) => s.kind === kind && transcripts.has(s.id));
  const work = mkdtempSync(join(tmpdir(), `replay-${kind}-`));
  let prepared = new Map<string, Prepared>();
  beforeAll(async () => {
    prepared = await prepareSubjects(subjects, work);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe(`k6 transcripts (${kind}) replayed on the local engine`, { timeout: 120_000 }, () => {
    it('there is something to replay', () => {
      expect(subjects.length).toBeGreaterThan(0);
    });
    for (const subject of subjects) {
      const t = transcripts.get(subject.id)!;
      const refused = REFUSED_BY_DESIGN[subject.id];
      const known = KNOWN_DIVERGENCES[subject.id];
      if (refused !== undefined) {
        it(`${subject.id}: refused at start by design (k6 ran it, exit ${t.observed.exitCode})`, async () => {
          const { observed } = await runSubject('local', subject, prepared.get(subject.id)!);
          expect(observed.exitCode).toBe(107);
          expect(observed.stderr.join('\n')).toMatch(/HARNESS_ERR_ENGINE_UNSUPPORTED/);
          expect(observed.stderr.join('\n')).toContain(refused);
        });
        continue;
      }
      const title = `${subject.id} agrees with k6 ${t.k6.version}${known === undefined ? '' : ` — known divergence: ${known}`}`;
      (known === undefined ? it : it.fails)(title, async () => {
        const { observed } = await runSubject('local', subject, prepared.get(subject.id)!);
        expect(observed.timedOut).toBe(false);
        expect(compareRun(t, observed)).toEqual([]);
        // A segment run (an @variant with --execution-segment): its split must be k6's exactly.
        if (subject.flags.includes('--execution-segment')) expect(compareSegmentRun(t, observed)).toEqual([]);
      });
    }
  });
}
