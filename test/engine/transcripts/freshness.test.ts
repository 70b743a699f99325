import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Prepared,
  type Stage,
  type Subject,
  type Transcript,
  commandFor,
  listSubjects,
  prepareSubjects,
  readTranscripts,
  staleness,
  startStage,
} from './kit/index.js';
import { KNOWN_DIVERGENCES, REFUSED_BY_DESIGN } from './known-divergences.js';

/**
 * A transcript is only evidence for the script or bundle k6 ran: every subject (conformance
 * scripts by glob, every scenario) must have one recorded from its current hash, command line
 * and __ENV — else `npm run record:k6` re-records it.
 */
const subjects = listSubjects();
const transcripts = readTranscripts();
const work = mkdtempSync(join(tmpdir(), 'transcript-freshness-'));
let prepared = new Map<string, Prepared>();
const stages = new Map<string, Stage>();
beforeAll(async () => {
  prepared = await prepareSubjects(subjects, work);
  for (const kind of ['conformance', 'scenario'] as const) stages.set(kind, await startStage(kind, work));
});
afterAll(async () => {
  for (const stage of stages.values()) await stage.close();
  rmSync(work, { recursive: true, force: true });
});

function now(subject: Subject): { sha256: string; args: string[]; env: Record<string, string> } {
  const p = prepared.get(subject.id)!;
  const { shown } = commandFor(subject, p.script, stages.get(subject.kind)!, work);
  return { sha256: p.sha256, ...shown };
}

describe('k6 transcripts are current', () => {
  it('every conformance script and every scenario has a transcript recorded from its current version', () => {
    expect(subjects.some((s) => s.kind === 'conformance')).toBe(true);
    const problems = subjects.flatMap((s) => staleness(transcripts.get(s.id), s, now(s)) ?? []);
    expect(problems).toEqual([]);
  });

  it('no transcript is left whose script or scenario is gone', () => {
    const ids = new Set(subjects.map((s) => s.id));
    expect([...transcripts.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every listed divergence, refusal and parser gap names a recorded transcript', () => {
    const listed = [KNOWN_DIVERGENCES, REFUSED_BY_DESIGN].flatMap((l) => Object.keys(l));
    expect(listed.filter((id) => !transcripts.has(id))).toEqual([]);
  });

  it('detects a missing transcript, a changed script and a changed command line, naming `npm run record:k6`', () => {
    const subject = subjects.find((s) => transcripts.has(s.id))!;
    const t = transcripts.get(subject.id)!;
    const current = now(subject);
    expect(staleness(t, subject, current)).toBeUndefined();
    expect(staleness(undefined, subject, current)).toMatch(/has no k6 transcript: .*npm run record:k6/);
    const edited: Transcript = { ...t, sha256: '0'.repeat(64) };
    expect(staleness(edited, subject, current)).toMatch(/another version of .*npm run record:k6/);
    expect(staleness(t, subject, { ...current, args: [...current.args, '--vus', '2'] })).toMatch(
      /command line or __ENV differs.*npm run record:k6/,
    );
  });
});
