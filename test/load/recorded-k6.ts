import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyAggregates, readAggregates, type RunAggregates } from '../../src/compare/index.js';
import { buildLoadSummary, type ClassicSummaryData } from '../../src/load/index.js';
import type { LoadSummary } from '../../src/types/generated/load-summary.js';

/** The real-k6 run recorded by test/load/fixtures/record-k6-summary.ts (see its meta file). */
export const RECORDED = join(import.meta.dirname, 'fixtures', 'k6-2.2.0-sync-latency');

export interface RecordedRun {
  readonly meta: { k6Version: string; exitCode: number; logLines: string[] };
  readonly data: ClassicSummaryData;
  readonly samples: RunAggregates;
  readonly summary: LoadSummary;
}

export async function recordedRun(): Promise<RecordedRun> {
  const meta = JSON.parse(readFileSync(`${RECORDED}.meta.json`, 'utf8')) as RecordedRun['meta'];
  const data = JSON.parse(readFileSync(`${RECORDED}.data.json`, 'utf8')) as ClassicSummaryData;
  const samples = await readAggregates(`${RECORDED}.samples.json.gz`, emptyAggregates());
  const summary = buildLoadSummary(data, {
    engine: { kind: 'k6', version: meta.k6Version },
    scenario: 'sync-latency',
    samples,
  });
  return { meta, data, samples, summary };
}
