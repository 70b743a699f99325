import { createHash } from 'node:crypto';
import type { RunManifest } from '../types/generated/run-manifest.js';

/**
 * What makes two runs comparable: the same target, load profile, scenario set, engine and
 * reference faults. History trends and baselines are kept per series, so a one-scenario
 * run, a run with a fault or a k6 run never lands in the series of a full local run.
 */
export interface Series {
  readonly target: string;
  readonly profile: string;
  /** Sorted scenario names; empty when the run never reached the load phase. */
  readonly scenarios: readonly string[];
  readonly engine: string;
  /** Sorted fault names; empty for a clean target. */
  readonly faults: readonly string[];
}

export const SERIES_FIELDS = ['target', 'profile', 'scenarios', 'engine', 'faults'] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

export function seriesOf(manifest: Pick<RunManifest, 'target' | 'profile' | 'engine' | 'scenarios'>): Series {
  return {
    target: manifest.target.name,
    profile: manifest.profile,
    scenarios: [...(manifest.scenarios ?? [])].sort(),
    engine: manifest.engine,
    faults: [...(manifest.target.faults ?? [])].sort(),
  };
}

const text = (s: Series, field: SeriesField): string => {
  const v = s[field];
  return typeof v === 'string' ? v : v.join(',');
};

/** One line a person can read, also the primary key in the history database. */
export function seriesId(s: Series): string {
  return SERIES_FIELDS.map((f) => `${f}=${text(s, f) || '-'}`).join(' ');
}

/** Folder name for the series' baseline copy: readable prefix + a hash of the whole key. */
export function seriesSlug(s: Series): string {
  const hash = createHash('sha256').update(seriesId(s)).digest('hex').slice(0, 10);
  return `${s.target}__${s.profile}__${hash}`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The fields on which two series differ, each as "field: a ≠ b". */
export function seriesDiff(a: Series, b: Series): { field: SeriesField; text: string }[] {
  return SERIES_FIELDS.filter((f) => text(a, f) !== text(b, f)).map((f) => ({
    field: f,
    text: `${f}: ${text(a, f) || '-'} ≠ ${text(b, f) || '-'}`,
  }));
}
