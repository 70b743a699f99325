import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { RunManifest } from '../types/generated/run-manifest.js';

/**
 * reports/<run-id>/run.json (schemas/run-manifest.schema.json): who ran what against which
 * target and whether the run completed, written by `harness run`. Folders written by
 * `harness load`/`verify` alone lack it, so `readManifest` falls back to what their own files
 * say; a folder with neither is a run that never produced anything (failed-to-start).
 */
export type { RunManifest };

export const MANIFEST_FILE = 'run.json';

interface Partial {
  runId?: string;
  startedAt?: string;
  finishedAt?: string;
  target?: { name?: string; baseUrl?: string; embedded?: boolean; faults?: string[] };
  profile?: string;
  engine?: string | { kind?: string; name?: string; version?: string };
  scenarios?: string[];
  seed?: number;
  exitCode?: number;
}

export function readManifest(runDir: string): RunManifest {
  const own = readJson<Omit<RunManifest, 'status'> & { status?: RunManifest['status'] }>(
    join(runDir, MANIFEST_FILE),
  );
  // run.json files from before `status` existed were only written by runs that finished.
  if (own !== undefined) return { ...own, status: own.status ?? 'complete' };
  const load = readJson<Partial>(join(runDir, 'load-run.json'));
  const verify = readJson<Partial>(join(runDir, 'verify.json'));
  const src = { ...verify, ...load };
  const engine = typeof src.engine === 'object' ? (src.engine.kind ?? src.engine.name) : src.engine;
  const faults = src.target?.faults ?? [];
  return {
    formatVersion: '1.0.0',
    runId: src.runId ?? basename(runDir),
    startedAt: src.startedAt ?? timeOfRunId(basename(runDir)),
    ...(src.finishedAt === undefined ? {} : { finishedAt: src.finishedAt }),
    status: load === undefined && verify === undefined ? 'failed-to-start' : 'complete',
    target: {
      name: src.target?.name ?? '(not recorded)',
      baseUrl: src.target?.baseUrl ?? '',
      embedded: src.target?.embedded ?? false,
      ...(faults.length > 0 ? { faults } : {}),
    },
    profile: src.profile ?? '(not recorded)',
    engine: engine ?? '(not recorded)',
    ...(src.scenarios === undefined ? {} : { scenarios: src.scenarios }),
    ...(src.seed === undefined ? {} : { seed: src.seed }),
    ...(load?.exitCode === undefined ? {} : { exitCode: load.exitCode }),
  };
}

/** Run ids start with their UTC start time (20261128-121530-a1b2); '' when the name is no run id. */
function timeOfRunId(id: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-/.exec(id);
  return m === null ? '' : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}

/** Why a run cannot be a baseline, or undefined when it can (complete, exit code 0). */
export function baselineObjection(manifest: RunManifest): string | undefined {
  if (manifest.status !== 'complete') return `it is ${manifest.status}`;
  if (manifest.exitCode === undefined) return 'it recorded no exit code';
  if (manifest.exitCode !== 0) return `it had failures (exit code ${manifest.exitCode})`;
  return undefined;
}

export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
