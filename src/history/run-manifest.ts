import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { RunManifest } from '../types/generated/run-manifest.js';

/**
 * reports/<run-id>/run.json (schemas/run-manifest.schema.json): who ran what against which
 * target, written by `harness run`. Folders written by `harness load`/`verify` alone lack it,
 * so `readManifest` falls back to what their own files say.
 */
export type { RunManifest };

export const MANIFEST_FILE = 'run.json';

interface Partial {
  runId?: string;
  startedAt?: string;
  target?: { name?: string; baseUrl?: string; embedded?: boolean };
  profile?: string;
  engine?: string | { kind?: string; name?: string; version?: string };
  seed?: number;
}

export function readManifest(runDir: string): RunManifest {
  const own = readJson<RunManifest>(join(runDir, MANIFEST_FILE));
  if (own !== undefined) return own;
  const load = readJson<Partial>(join(runDir, 'load-run.json'));
  const verify = readJson<Partial>(join(runDir, 'verify.json'));
  const src = { ...verify, ...load };
  const engine = typeof src.engine === 'object' ? (src.engine.kind ?? src.engine.name) : src.engine;
  return {
    formatVersion: '1.0.0',
    runId: src.runId ?? basename(runDir),
    startedAt: src.startedAt ?? new Date(0).toISOString(),
    target: {
      name: src.target?.name ?? 'unknown',
      baseUrl: src.target?.baseUrl ?? '',
      embedded: src.target?.embedded ?? false,
    },
    profile: src.profile ?? 'unknown',
    engine: engine ?? 'unknown',
    ...(src.seed === undefined ? {} : { seed: src.seed }),
  };
}

/** Baselines and history are kept per target+profile; this is that key. */
export function seriesKey(manifest: Pick<RunManifest, 'target' | 'profile'>): string {
  return `${manifest.target.name}::${manifest.profile}`;
}

export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
