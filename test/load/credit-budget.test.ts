import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunSamples } from '../../src/compare/index.js';
import { ContractValidator } from '../../src/contract/index.js';
import { type LoadConfig, runLoad } from '../../src/load/index.js';

/**
 * Issue 12: a credit budget aborts the load once the credits counted from the answers exceed
 * it. The embedded reference charges 10 credits per execution of its fast workflow, so the
 * credits counted must equal 10 × the executeWorkflow answers that succeeded.
 */
const reportsDir = mkdtempSync(join(tmpdir(), 'load-budget-'));
afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));

const config = (maxCredits?: number | 'unlimited'): LoadConfig => ({
  timeScale: 0.02,
  faults: [],
  seed: 12,
  engine: 'local',
  loadProfile: 'smoke',
  reportsDir,
  ci: true,
  ...(maxCredits === undefined ? {} : { maxCredits }),
});

/** Successful executeWorkflow answers in the run's raw samples. */
async function succeeded(runDir: string): Promise<number> {
  const { points } = await readRunSamples(runDir);
  return points.filter(
    (p) => p.metric === 'http_reqs' && p.tags.endpoint === 'executeWorkflow' && p.tags.status === '200',
  ).length;
}

/** 10 executions/s for 10 s: 100 planned, so an abort shows as far fewer executions on any machine. */
const TEN_SECONDS = JSON.stringify({
  executor: 'constant-arrival-rate',
  rate: 10,
  timeUnit: '1s',
  duration: '10s',
  preAllocatedVUs: 3,
  maxVUs: 20,
});

describe('the credit budget against the embedded reference (sync-latency)', () => {
  it('a budget of 60 credits aborts the load: exit 99, CREDIT_BUDGET_SPENT, credits counted from the answers', async () => {
    const lines: string[] = [];
    const result = await runLoad(config(60), {
      scenario: 'sync-latency',
      extraEnv: { HARNESS_EXECUTOR: TEN_SECONDS },
      log: (l) => lines.push(l),
      onEngineOutput: () => undefined,
    });
    const ok = await succeeded(result.runDir.path);
    console.log(
      `[budget] 60 credits: exit ${result.exitCode}, ${ok} executions, ${result.run.credits?.spent} credits`,
    );
    expect(lines.join('\n')).toMatch(
      /plan \(before load\):[\s\S]*sync-latency +10 s +10 iterations\/s[\s\S]*100 executions, 1,000 credits; budget 60 credits/,
    );
    expect(result.exitCode).toBe(99);
    expect(result.run.failures?.map((f) => f.code)).toContain('CREDIT_BUDGET_SPENT');
    expect(result.run.credits).toMatchObject({ budget: 60, budgetSource: 'config', budgetSpent: true });
    expect(result.run.credits?.spent).toBe(10 * ok);
    expect(result.run.credits?.spent).toBeGreaterThan(60);
    // Stopped before the plan completed.
    expect(ok).toBeLessThan(100);
    const file = (name: string): string => readFileSync(join(result.runDir.path, name), 'utf8');
    expect(
      new ContractValidator().validate('load-run.schema.json', JSON.parse(file('load-run.json'))).errors,
    ).toEqual([]);
    expect(file('load.junit.xml')).toMatch(/CREDIT_BUDGET_SPENT[\s\S]*<failure/);
    expect(result.run.thresholds).toContainEqual(
      expect.objectContaining({ metric: 'credits_used', expression: 'count<=60', ok: false }),
    );
  });

  it('without a budget (the reference default: unlimited) the smoke run (30 planned) completes and still counts its credits', async () => {
    const result = await runLoad(config(), {
      scenario: 'sync-latency',
      log: () => undefined,
      onEngineOutput: () => undefined,
    });
    const ok = await succeeded(result.runDir.path);
    expect(result.exitCode).toBe(0);
    expect(result.run.failures ?? []).toEqual([]);
    expect(result.run.credits).toMatchObject({
      budget: 'unlimited',
      budgetSource: 'default',
      budgetSpent: false,
    });
    expect(result.run.credits?.spent).toBe(10 * ok);
    expect(ok).toBeGreaterThan(20);
    expect(result.run.plan).toMatchObject({ executions: 30, credits: 300 });
    expect(result.run.thresholds?.some((t) => t.metric === 'credits_used')).toBe(false);
  });
});
