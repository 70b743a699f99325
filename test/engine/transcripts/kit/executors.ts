import { execFileSync } from 'node:child_process';
import { REFERENCE } from './stage.js';
import type { Subject } from './subjects.js';

interface InspectedOptions {
  scenarios?: Record<string, { executor?: string }> | null;
  iterations?: number | null;
  duration?: string | null;
  stages?: unknown[] | null;
  thresholds?: Record<string, (string | { threshold: string })[]> | null;
}

/** What `k6 inspect` tells about a subject: its scenarios' executors and its declared thresholds. */
export interface Inspected {
  readonly executors: Record<string, string>;
  /** metric → expressions, as the script declares them. */
  readonly thresholds: Record<string, string[]>;
}

/**
 * Executor per scenario from k6's own options: `scenarios`, or the shortcut k6 turns into
 * its `default` scenario (iterations → shared-iterations, stages → ramping-vus, duration →
 * constant-vus, none → per-vu-iterations), as k6's docs describe.
 */
export function executorsOf(options: InspectedOptions): Record<string, string> {
  if (options.scenarios)
    return Object.fromEntries(Object.entries(options.scenarios).map(([n, s]) => [n, s.executor ?? '?']));
  const executor =
    options.stages && options.stages.length > 0
      ? 'ramping-vus'
      : options.iterations
        ? 'shared-iterations'
        : options.duration
          ? 'constant-vus'
          : 'per-vu-iterations';
  return { default: executor };
}

/** `k6 inspect` of a subject (init code only, no request). */
export function inspectSubject(k6: string, subject: Subject, script: string): Inspected {
  const env =
    subject.kind === 'scenario'
      ? [
          '-e',
          `HARNESS_PROFILE=${REFERENCE.loadProfile}`,
          '-e',
          `HARNESS_EXECUTOR=${JSON.stringify(REFERENCE.executor)}`,
        ]
      : [];
  const text = execFileSync(k6, ['inspect', ...env, script], { encoding: 'utf8', timeout: 30_000 });
  const options = JSON.parse(text) as InspectedOptions;
  const thresholds = Object.fromEntries(
    Object.entries(options.thresholds ?? {}).map(([metric, list]) => [
      metric,
      list.map((t) => (typeof t === 'string' ? t : t.threshold)),
    ]),
  );
  return { executors: executorsOf(options), thresholds };
}
