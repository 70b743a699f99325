import { existsSync, readFileSync } from 'node:fs';
import { type RawSample, readSamples } from '../compare/index.js';
import type { LoadSummary } from '../types/generated/load-summary.js';
import { buildLoadSummary, isClassicSummaryData } from './build-load-summary.js';

export interface EngineResults {
  /** load-summary.json; undefined when the engine wrote no (readable) handleSummary data. */
  readonly summary: LoadSummary | undefined;
  readonly points: readonly RawSample[];
}

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
  const points = existsSync(files.samples)
    ? (
        await readSamples(files.samples).catch((error: unknown) => {
          if (stopped) return { points: [] };
          throw error;
        })
      ).points
    : [];
  const summary = isClassicSummaryData(data) ? buildLoadSummary(data, { ...context, points }) : undefined;
  return { summary, points };
}
