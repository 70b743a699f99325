import { existsSync, readFileSync } from 'node:fs';
import { emptyAggregates, readAggregates, type RunAggregates } from '../compare/index.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import { buildLoadSummary, isClassicSummaryData } from './build-load-summary.js';

export interface EngineResults {
  /** load-summary.json; undefined when the engine wrote no (readable) handleSummary data. */
  readonly summary: LoadSummary | undefined;
  /** The raw samples, streamed once into bounded aggregates (never held as an array). */
  readonly samples: RunAggregates;
}

/** What the harness reads whole samples of (the detection lag's conversation): see RunAggregates.kept. */
export const KEPT_METRICS = ['time_to_completion'];

/**
 * Reads what the engine left in the work folder — the classic handleSummary data and the raw
 * samples — and builds load-summary.json from them. An engine stopped at its bound may leave
 * half-written files: then what cannot be read counts as absent; otherwise it is an error.
 */
export async function readResults(
  files: { readonly summary: string; readonly samples: string },
  stopped: boolean,
  context: { readonly engine: LoadSummary['engine']; readonly scenario: string },
): Promise<EngineResults> {
  let data: unknown;
  try {
    data = existsSync(files.summary) ? JSON.parse(readFileSync(files.summary, 'utf8')) : undefined;
  } catch (error) {
    if (!stopped) throw error;
  }
  const options = { keep: KEPT_METRICS };
  const samples = existsSync(files.samples)
    ? await readAggregates(files.samples, emptyAggregates(options)).catch((error: unknown) => {
        if (stopped) return emptyAggregates(options);
        throw error;
      })
    : emptyAggregates(options);
  const summary = isClassicSummaryData(data) ? buildLoadSummary(data, { ...context, samples }) : undefined;
  return { summary, samples };
}
