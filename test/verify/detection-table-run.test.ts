import { beforeAll, describe, expect, it } from 'vitest';
import { runDetectionTable, type DetectionTable } from '../../src/verify/index.js';

/**
 * The detection table on two faults of the catalogue (the whole catalogue is
 * fault-detection.test.ts): only the faults asked for, the clean reference passing, each fault
 * caught by the checks that failed, with the first violation of each as its evidence
 * ("endpoint pointer", or "endpoint status N" when the status was wrong).
 */
describe('detection table for the faults asked for', () => {
  let table: DetectionTable;

  beforeAll(async () => {
    table = await runDetectionTable({ timeScale: 0.02, seed: 5, reportsDir: 'reports' }, [
      'wrong-status',
      'mistyped-field',
    ]);
  }, 120_000);

  it('runs the clean reference and only the faults named, in catalogue order', () => {
    expect(table.clean.summary.failed).toBe(0);
    expect(table.clean.summary.passed).toBeGreaterThanOrEqual(15);
    expect(table.clean.target.faults).toBeUndefined();
    expect(table.rows.map((r) => r.fault.name)).toEqual(['mistyped-field', 'wrong-status']);
    expect(table.rows.map((r) => r.result.target.faults)).toEqual([['mistyped-field'], ['wrong-status']]);
    expect(table.bare).toBe(false);
    expect(table.ok).toBe(true);
  });

  it('each fault is caught by exactly the checks that failed, each with its first violation as evidence', () => {
    for (const row of table.rows) {
      const failed = row.result.checks.filter((c) => c.outcome === 'failed');
      expect(row.caughtBy, row.fault.name).toEqual(failed.map((c) => c.id));
      expect(row.caughtBy.length, row.fault.name).toBeGreaterThan(0);
    }
    const [mistyped, wrongStatus] = table.rows;
    for (const e of mistyped?.evidence ?? []) expect(e).toBe('executeWorkflow /creditUsage');
    for (const e of wrongStatus?.evidence ?? []) expect(e).toMatch(/^executeWorkflow status \d{3}$/);
    expect(wrongStatus?.evidence).toHaveLength(wrongStatus?.caughtBy.length ?? -1);
  });
});
