import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT as ROOT } from '../../../../src/config/repo-root.js';
import type { Observation } from './observe.js';
import type { Subject } from './subjects.js';

export const RECORDED_DIR = join(ROOT, 'test', 'engine', 'transcripts', 'recorded');
export const RECORD_COMMAND = 'K6_BIN=/path/to/k6 npm run record:k6';
export const HEADER =
  'Recorded from real k6 by `npm run record:k6`: data k6 produced. Do not edit by hand; re-record.';

/** What real k6 did with one subject, as `npm run record:k6` wrote it. */
export interface Transcript {
  readonly $comment: string;
  readonly id: string;
  readonly source: string;
  /** SHA-256 of the script / bundle k6 ran (see scriptHash). */
  readonly sha256: string;
  readonly k6: { readonly version: string; readonly versionText: string; readonly versionJson: unknown };
  /** The command line and __ENV, with placeholders for ports, paths and the key. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Executor of each scenario, from `k6 inspect` (it picks the iteration tolerance). */
  readonly executors: Readonly<Record<string, string>>;
  /** Thresholds the script declares (metric → expressions), from `k6 inspect`. */
  readonly thresholds: Readonly<Record<string, readonly string[]>>;
  readonly observed: Observation;
}

export function transcriptPath(id: string): string {
  return join(RECORDED_DIR, `${id}.json`);
}

/** Every recorded transcript, by id (`conformance/x`, `scenario/y`). */
export function readTranscripts(): Map<string, Transcript> {
  const out = new Map<string, Transcript>();
  if (!existsSync(RECORDED_DIR)) return out;
  for (const kind of readdirSync(RECORDED_DIR))
    for (const file of readdirSync(join(RECORDED_DIR, kind)).filter((f) => f.endsWith('.json'))) {
      const t = JSON.parse(readFileSync(join(RECORDED_DIR, kind, file), 'utf8')) as Transcript;
      out.set(t.id, t);
    }
  return out;
}

/** Written as Prettier formats it, so `format:check` holds for recorded files too. */
export async function writeTranscript(t: Transcript): Promise<string> {
  const path = transcriptPath(t.id);
  mkdirSync(dirname(path), { recursive: true });
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(t), { ...options, filepath: path }));
  return path;
}

/**
 * Why a transcript no longer describes its subject (undefined when it does): the script or
 * bundle changed since k6 ran it, or the command line / __ENV a run gets changed.
 */
export function staleness(
  t: Transcript | undefined,
  subject: Subject,
  now: { sha256: string; args: readonly string[]; env: Readonly<Record<string, string>> },
): string | undefined {
  const fix = `re-record with \`${RECORD_COMMAND}\``;
  if (t === undefined) return `${subject.id} (${subject.source}) has no k6 transcript: ${fix}`;
  if (t.sha256 !== now.sha256)
    return `${subject.id}: the transcript was recorded from another version of ${subject.source} (sha256 ${t.sha256.slice(0, 12)}…, now ${now.sha256.slice(0, 12)}…): ${fix}`;
  if (
    JSON.stringify(t.args) !== JSON.stringify(now.args) ||
    JSON.stringify(t.env) !== JSON.stringify(now.env)
  )
    return `${subject.id}: the transcript's command line or __ENV differs from what a run passes now: ${fix}`;
  return undefined;
}
