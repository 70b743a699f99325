import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSamples } from '../../src/compare/index.js';
import { buildLoadSummary, type ClassicSummaryData } from '../../src/load/index.js';
import type { LoadSummary } from '../../src/types/generated/load-summary.js';

/** The real-k6 run recorded by test/load/fixtures/record-k6-summary.ts (see its meta file). */
export const RECORDED = join(import.meta.dirname, 'fixtures', 'k6-2.2.0-sync-latency');

export interface RecordedRun {
  readonly meta: { k6Version: string; exitCode: number; logLines: string[] };
  readonly data: ClassicSummaryData;
  readonly points: Awaited<ReturnType<typeof readSamples>>['points'];
  readonly summary: LoadSummary;
}

export async function recordedRun(): Promise<RecordedRun> {
  const meta = JSON.parse(readFileSync(`${RECORDED}.meta.json`, 'utf8')) as RecordedRun['meta'];
  const data = JSON.parse(readFileSync(`${RECORDED}.data.json`, 'utf8')) as ClassicSummaryData;
  const { points } = await readSamples(`${RECORDED}.samples.json.gz`);
  const summary = buildLoadSummary(data, {
    engine: { kind: 'k6', version: meta.k6Version },
    scenario: 'sync-latency',
    points,
  });
  return { meta, data, points, summary };
}
