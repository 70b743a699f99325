import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import type { LoadResult } from '../../src/load/index.js';
import { writeReport } from '../../src/report/index.js';
import type { LoadSummary } from '../../src/types/generated/load-summary.js';
import { CROSSED } from './crossing-thresholds.js';

const validator = new ContractValidator();

/**
 * A run of sync-latency with CROSSING_THRESHOLDS, whichever engine ran it: exit 99, and each
 * crossed threshold named with its measured value and limit in load-summary.json,
 * load-run.json, load.junit.xml, the console and the HTML report; the thresholds that held are
 * reported as ok everywhere.
 */
export async function expectCrossedEverywhere(
  result: LoadResult,
  console: readonly string[],
  reportsDir: string,
): Promise<LoadSummary> {
  const dir = result.runDir.path;
  expect(result.exitCode).toBe(99);
  const summary = JSON.parse(readFileSync(join(dir, 'load-summary.json'), 'utf8')) as LoadSummary;
  expect(validator.validate('load-summary.schema.json', summary).errors).toEqual([]);
  expect(validator.validate('load-run.schema.json', result.run).errors).toEqual([]);
  expect(result.run.thresholds).toEqual(summary.thresholds);
  expect(summary.thresholdsPassed).toBe(false);
  for (const crossed of CROSSED) {
    const t = summary.thresholds.find(
      (x) => x.metric === crossed.metric && x.expression === crossed.expression,
    );
    expect(t).toMatchObject(crossed);
    expect(t?.measured).toBeGreaterThan(0.001);
  }
  // The clean case in the same run: a threshold every run that got answers meets. (Latency
  // thresholds of the profile may cross too on a busy machine, so they are not asserted either way.)
  expect(summary.thresholds).toContainEqual(
    expect.objectContaining({ metric: 'http_reqs', expression: 'count>0', ok: true }),
  );
  const crossedCount = summary.thresholds.filter((t) => !t.ok).length;

  const junit = readFileSync(join(dir, 'load.junit.xml'), 'utf8');
  expect(junit.match(/<testcase /g)).toHaveLength(summary.thresholds.length);
  expect(junit).toContain(`tests="${summary.thresholds.length}" failures="${crossedCount}"`);
  const page = readFileSync((await writeReport(reportsDir, dir)).file, 'utf8');
  const table = /<section id="thresholds">.*?<\/section>/s.exec(page)?.[0] ?? '';
  expect(table).toContain(`${crossedCount} crossed</span> of ${summary.thresholds.length}`);
  for (const t of summary.thresholds) {
    const value = Number(t.measured?.toPrecision(4));
    const line = console.find((l) => l.includes(`${t.metric} ${t.expression}`));
    expect(line).toContain(`${t.ok ? '✓ ok' : '✗ CROSSED'}`);
    expect(line).toContain(`measured ${t.aggregation ?? ''} = ${value}`);
    const row = new RegExp(
      `<tr class="${t.ok ? 'ok' : 'crossed'}"><td[^>]*>${t.ok ? 'ok' : 'crossed'}</td><td><code>${t.name}</code></td>.*?<code>${t.expression.replace(/[()<>]/g, (c) => ({ '(': '\\(', ')': '\\)', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</code></td><td>[^<]*= ${value}[^<]*</td>`,
    );
    expect(table).toMatch(row);
    if (!t.ok) expect(junit).toContain(`threshold crossed: ${t.aggregation ?? ''} = ${value}`);
    if (!t.ok) expect(junit).toContain(`limit ${t.limit} (`);
  }
  return summary;
}
/** What must be the same whichever engine wrote a summary. */
export function shapeOf(summary: LoadSummary): unknown {
  return {
    keys: Object.keys(summary),
    engineKeys: Object.keys(summary.engine),
    // Verdicts are asserted per run (CROSSED); a latency bound's may differ with the machine's load.
    thresholds: summary.thresholds.map((t) => [Object.keys(t), t.metric, t.expression, t.measuredFrom]),
    metricKeys: [...new Set(summary.metrics.map((m) => Object.keys(m).join()))],
    // Every metric with its statistics in order; dropped_iterations only exists when the machine
    // was too slow to start an iteration on time, on either engine.
    metrics: summary.metrics
      .filter((m) => m.name !== 'dropped_iterations')
      .map((m) => `${m.name}: ${Object.keys(m.values).join(' ')}`),
  };
}
