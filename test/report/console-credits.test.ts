import { describe, expect, it } from 'vitest';
import { formatSummary, summaryEvent, type JobOutcome } from '../../src/report/job/index.js';

const outcome = (credits?: JobOutcome['credits']): JobOutcome => ({
  manifest: {
    formatVersion: '1.0.0',
    runId: 'r1',
    status: 'complete',
    startedAt: '2026-11-30T00:00:00Z',
    target: { name: 't', baseUrl: 'http://127.0.0.1:1', embedded: false },
    profile: 'smoke',
    engine: 'local',
    exitCode: 99,
  },
  verify: undefined,
  summary: undefined,
  thresholdsCrossed: true,
  reportPath: 'reports/r1/index.html',
  ...(credits === undefined ? {} : { credits }),
});

describe('the end-of-run summary shows credits against the budget', () => {
  it('names a spent budget in the console and in the --ci summary event', () => {
    const spent = { spent: 210, budget: 100, budgetSpent: true };
    expect(formatSummary(outcome(spent))).toContain(
      'credits: 210 spent of a 100 budget — BUDGET SPENT, load stopped early',
    );
    expect(summaryEvent(outcome(spent)).credits).toEqual(spent);
  });

  it('a run within its budget, or unlimited, says so without the alarm', () => {
    expect(formatSummary(outcome({ spent: 40, budget: 100, budgetSpent: false }))).toMatch(
      /credits: 40 spent of a 100 budget\n/,
    );
    expect(formatSummary(outcome({ spent: 40, budget: 'unlimited', budgetSpent: false }))).toContain(
      'credits: 40 spent (budget unlimited)',
    );
    expect(formatSummary(outcome())).not.toContain('credits: ');
  });
});
