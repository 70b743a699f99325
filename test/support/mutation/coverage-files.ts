import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Hits per mutant id, as Stryker's instrumented code counts them. */
export type Hits = Record<string, number>;

/** Stryker's per-realm state (globalThis.__stryker__), the fields this setup reads and writes. */
export interface StrykerNamespace {
  activeMutant?: string;
  currentTestId?: string;
  mutantCoverage?: { static: Hits; perTest: Record<string, Hits> };
}

/** The environment variables the mutation setup shares with what a test starts. */
export const ENV = {
  /** Read by Stryker's instrumentation header in every realm that has not set a mutant yet. */
  activeMutant: '__STRYKER_ACTIVE_MUTANT__',
  /** Where processes and threads a test started leave the hits they counted. */
  coverageDir: 'HARNESS_MUTATION_COVERAGE_DIR',
  /** The setup file `harness verify`'s inner vitest adds to its checks (src/verify/check-runner.ts). */
  checkSetup: 'HARNESS_MUTATION_CHECK_SETUP',
} as const;

export function strykerNamespace(name = '__stryker__'): StrykerNamespace {
  const global = globalThis as unknown as Record<string, StrykerNamespace | undefined>;
  return (global[name] ??= {});
}

export function mergeHits(into: Hits, from: Hits): void {
  for (const [id, n] of Object.entries(from)) into[id] = (into[id] ?? 0) + n;
}

let written = 0;

/** Leaves this realm's counted hits in the coverage folder and zeroes them (the counter object is shared). */
export function writeHits(ns: StrykerNamespace, dir: string): void {
  const coverage = ns.mutantCoverage;
  if (coverage === undefined) return;
  const hits: Hits = {};
  mergeHits(hits, coverage.static);
  for (const perTest of Object.values(coverage.perTest)) mergeHits(hits, perTest);
  for (const id of Object.keys(coverage.static)) delete coverage.static[id];
  for (const id of Object.keys(coverage.perTest)) delete coverage.perTest[id];
  if (Object.keys(hits).length === 0) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${process.pid}-${threadId}-${written++}.json`);
  // Renamed into place: the reader never sees half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify(hits));
  renameSync(`${path}.tmp`, path);
}

/** The hits left in the folder since the last call, merged; the files are removed. */
export function takeHits(dir: string): Hits {
  const hits: Hits = {};
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return hits;
  }
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const path = join(dir, file);
    mergeHits(hits, JSON.parse(readFileSync(path, 'utf8')) as Hits);
    rmSync(path, { force: true });
  }
  return hits;
}
