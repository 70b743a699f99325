import { afterAll, describe, expect, it } from 'vitest';
import { parsePrismViolations, verifyThroughPrism, type PrismRun } from './run-prism.js';

const runs: string[] = [];
afterAll(() => {
  // The numbers the README quotes, printed once per run of this file.
  if (runs.length > 0)
    console.log(`harness verify through Prism (proxy) in front of the reference:\n${runs.join('\n')}`);
});

const responseViolations = (run: PrismRun): string[] =>
  run.violations.filter((v) => v.side === 'response').map((v) => v.text);
const record = (name: string, run: PrismRun): void => {
  const failed = run.verify.checks.filter((c) => c.outcome === 'failed').map((c) => c.id);
  runs.push(
    `${name}: ${run.forwarded} requests forwarded, violations: ${run.violations.length - responseViolations(run).length} request, ${responseViolations(run).length} response; verify failed: ${failed.join(', ') || 'none'}`,
  );
};

describe('Prism (proxy, validating) between harness verify and the embedded reference', () => {
  it('reads request and response violations from its log', () => {
    const log = [
      '[4:14:51 PM] ›     [VALIDATOR] ✖  error     Violation: request Invalid security scheme used',
      "[4:14:52 PM] ›     [VALIDATOR] ✖  error     Violation: response.body.output Response body property output must have required property 'Risk Score'",
      '[4:14:52 PM] ›     [PROXY] ℹ  info      > Forwarding "post" request to http://127.0.0.1:1/api/executeWorkflow...',
    ].join('\n');
    expect(parsePrismViolations(log)).toEqual([
      { side: 'request', text: 'request Invalid security scheme used' },
      {
        side: 'response',
        text: "response.body.output Response body property output must have required property 'Risk Score'",
      },
    ]);
  });

  it('a clean run: no response violation; the request violations are harness verify’s negative checks', async () => {
    const run = await verifyThroughPrism([]);
    record('clean', run);
    expect(run.forwarded, run.log).toBeGreaterThan(50);
    expect(responseViolations(run), run.log).toEqual([]);
    // Invalid on purpose (missing key, wrong types, unknown workflows): Prism flags, the reference answers.
    expect(run.violations.length, run.log).toBeGreaterThan(0);
    // Every check passes but one: Prism cannot forward a body it cannot parse and answers it itself.
    const failed = run.verify.checks.filter((c) => c.outcome === 'failed');
    expect(failed.map((c) => c.id)).toEqual(['bad-request-malformed-json']);
    for (const failure of failed[0]?.failures ?? [])
      expect(failure.received, failure.message).toEqual({ code: 'invalid_json', message: 'Invalid JSON' });
  });

  it('flags the missing-output-component fault in the responses', async () => {
    const run = await verifyThroughPrism(['missing-output-component']);
    record('missing-output-component', run);
    expect(responseViolations(run), run.log).toContain(
      "response.body.output Response body property output must have required property 'Risk Score'",
    );
  });
});
