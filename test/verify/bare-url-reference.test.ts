import { beforeAll, describe, expect, it } from 'vitest';
import { runDetectionTable, type DetectionTable } from '../../src/verify/index.js';

/**
 * The reference as a user with only its URL and main key sees it (no profile, no extra
 * keys): at least 15 checks run and pass on the clean reference, and every fault that
 * does not declare needsProfile is caught.
 */
describe('verify from a bare URL of the reference', () => {
  let table: DetectionTable;

  beforeAll(async () => {
    table = await runDetectionTable({ timeScale: 0.02, seed: 12, reportsDir: 'reports' }, undefined, {
      bare: true,
    });
  }, 240_000);

  it('runs at least 15 checks on the clean reference and passes them all', () => {
    const ran = table.clean.checks.filter((c) => c.outcome !== 'skipped');
    expect(ran.length).toBeGreaterThanOrEqual(15);
    expect(table.clean.checks.filter((c) => c.outcome === 'failed').map((c) => c.id)).toEqual([]);
    expect(table.clean.target.embedded).toBe(false);
    expect(table.clean.notes?.join('\n')).toContain('output shape learned from its first answer');
  });

  it('catches every fault that does not need a profile', () => {
    const missed = table.rows
      .filter((r) => r.fault.needsProfile === undefined && r.caughtBy.length === 0)
      .map((r) => r.fault.name);
    expect(missed).toEqual([]);
    expect(table.ok).toBe(true);
  });

  it('the faults left to a profile say what only a profile declares', () => {
    const needing = table.rows.filter((r) => r.fault.needsProfile !== undefined);
    // 4, plus any-method-executes and content-type-ignored: the docs say nothing of other methods or
    // request content types, so what answers them is a profile's declaration by design.
    expect(needing.length).toBeLessThanOrEqual(6);
    for (const r of needing) expect(r.fault.needsProfile?.length ?? 0).toBeGreaterThan(20);
  });
});
