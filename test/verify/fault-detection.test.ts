import { beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_NAMES, listReferenceFaults } from '../../src/target/index.js';
import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import { runDetectionTable, type DetectionTable } from '../../src/verify/index.js';

/**
 * The proof that verify catches violations: the embedded reference once clean and once
 * per fault of its catalogue (one reused vitest instance, time-scaled). Each fault must
 * fail the run AND a failure must name the violated contract the fault declares
 * (its `violates`): the endpoint plus the JSON pointer, the status or the header.
 */
function namesTheContract(f: ContractFailure, violates: string): boolean {
  const endpointNamed = violates.startsWith('all endpoints') || violates.includes(f.endpoint);
  if (!endpointNamed || !(ENDPOINT_NAMES as readonly string[]).includes(f.endpoint)) return false;
  if (f.instancePath !== '' && violates.includes(f.instancePath)) return true;
  if (f.schemaPath === 'status' && f.status !== null && violates.includes(String(f.status))) return true;
  // A rule quoted from the docs (no pointer to name): the fault must quote the same words.
  if (f.schemaPath.startsWith('docs: ') && violates.includes(f.schemaPath.slice('docs: '.length)))
    return true;
  return f.schemaPath === 'header:content-type' && violates.includes('content-type');
}

describe('fault detection (every fault of the reference catalogue)', () => {
  let table: DetectionTable;

  beforeAll(async () => {
    table = await runDetectionTable({ timeScale: 0.02, seed: 11, reportsDir: 'reports' });
  }, 240_000);

  it('the clean reference passes every check it runs, skipping none', () => {
    const failed = table.clean.checks
      .filter((c) => c.outcome === 'failed')
      .map((c) => `${c.id}: ${c.failures.map((f) => f.message).join('; ')}`);
    expect(failed).toEqual([]);
    expect(table.clean.summary.skipped).toBe(0);
    expect(table.clean.summary.passed).toBeGreaterThanOrEqual(15);
  });

  it('covers the whole catalogue (at least 9 faults)', async () => {
    const names = (await listReferenceFaults()).map((f) => f.name).sort();
    expect(table.rows.map((r) => r.fault.name).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  it('every fault fails verify and a failure names the violated endpoint + pointer/status/header', () => {
    const uncaught: string[] = [];
    for (const row of table.rows) {
      expect(row.result.summary.failed, row.fault.name).toBeGreaterThan(0);
      const failures = row.result.checks.flatMap((c) => c.failures);
      if (!failures.some((f) => namesTheContract(f, row.fault.violates))) {
        uncaught.push(
          `${row.fault.name} (violates: ${row.fault.violates}) — got: ${failures
            .slice(0, 3)
            .map((f) => f.message)
            .join(' | ')}`,
        );
      }
    }
    expect(uncaught).toEqual([]);
    expect(table.ok).toBe(true);
  });

  it('each check across calls (and the immediate-return bound) catches its own reference fault', () => {
    const expected: Record<string, string> = {
      'reused-conversation-id': 'conversation-identity',
      'swapped-conversation': 'conversation-identity',
      'credit-last-turn': 'credit-accounting',
      'duplicate-execution': 'one-request-one-execution',
      'slow-background-submit': 'background-submit',
    };
    for (const [fault, check] of Object.entries(expected)) {
      const row = table.rows.find((r) => r.fault.name === fault);
      expect(row?.caughtBy, fault).toContain(check);
    }
  });

  it('a fault record carries the run seed and the fault it ran with', () => {
    for (const row of table.rows) {
      expect(row.result.seed).toBe(11);
      expect(row.result.target.faults).toEqual([row.fault.name]);
      expect(row.result.target.embedded).toBe(true);
    }
  });
});
