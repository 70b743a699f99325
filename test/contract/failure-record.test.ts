import { describe, expect, it } from 'vitest';
import { ABSENT, Findings, type FailureInput } from '../../contracts/kit/findings.js';
import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import { answer } from '../support/fake-check.js';

/**
 * What a check's failure says in the report: the one-line message a reader acts on
 * ("<endpoint> <where>: Received: X / Documented: Y"), the status, the request and its curl, and
 * where each finding goes (a failure, or a deviation that never fails the run).
 */
const base: FailureInput = {
  code: 'SCHEMA_VIOLATION',
  endpoint: 'executeWorkflow',
  schemaPath: 'execute-response.schema.json#/required',
  received: 1,
  documented: 'type string',
};

function one(input: Partial<FailureInput>): ContractFailure {
  const findings = new Findings('unit-check');
  findings.fail({ ...base, ...input });
  const failure = findings.failures[0];
  if (failure === undefined) throw new Error('no failure recorded');
  return failure;
}

describe('failure message', () => {
  it('names the field by its pointer, else "status" for a status failure, else the rule', () => {
    expect(one({ instancePath: '/creditUsage' }).message).toBe(
      'executeWorkflow /creditUsage: Received: 1 / Documented: type string',
    );
    expect(one({ schemaPath: 'status', received: 500, documented: 200 }).message).toBe(
      'executeWorkflow status: Received: 500 / Documented: 200',
    );
    expect(
      one({ schemaPath: 'header:content-type', received: 'text/html', documented: 'application/json' })
        .message,
    ).toBe('executeWorkflow header:content-type: Received: "text/html" / Documented: application/json');
  });

  it('quotes a received string, prints a description or an absent value bare', () => {
    expect(one({ received: '10' }).message).toContain('Received: "10" /');
    expect(one({ received: '3 entries', receivedIsDescription: true }).message).toContain(
      'Received: 3 entries /',
    );
    expect(one({ received: undefined }).message).toContain('Received: (absent) /');
    expect(one({ received: { a: [1] } }).message).toContain('Received: {"a":[1]} /');
    expect(one({ documented: { type: 'number' } }).message).toMatch(/Documented: \{"type":"number"\}$/);
  });

  it('labels the expectation by its basis', () => {
    const findings = new Findings('unit-check');
    findings.fail({ ...base, basis: 'documented' });
    findings.inferred(true, base);
    findings.typical(base);
    expect(findings.failures.map((f) => f.message.split(' / ')[1])).toEqual([
      'Documented: type string',
      'Expected (inferred): type string',
    ]);
    expect(findings.deviations.map((f) => f.message.split(' / ')[1])).toEqual(['Typical: type string']);
    expect(one({}).message).toContain('/ Documented: type string');
  });
});

describe('failure record', () => {
  it('carries the check, the endpoint, the code and the rule as given', () => {
    expect(one({ instancePath: '/x' })).toMatchObject({
      code: 'SCHEMA_VIOLATION',
      check: 'unit-check',
      endpoint: 'executeWorkflow',
      instancePath: '/x',
      schemaPath: 'execute-response.schema.json#/required',
      received: 1,
      documented: 'type string',
    });
    expect(one({}).instancePath).toBe('');
    expect(one({})).not.toHaveProperty('basis');
    expect(one({ basis: 'typical' }).basis).toBe('typical');
  });

  it('takes the status, request and curl from the response unless given, and leaves them out when unknown', () => {
    const res = answer(404, { error: 'nope' });
    const fromResponse = one({ response: res });
    expect(fromResponse).toMatchObject({ status: 404, request: res.request, curl: 'curl unit' });
    const request = { method: 'GET', path: '/other', headers: {}, body: '' };
    expect(one({ response: res, status: null, request, curl: 'curl given' })).toMatchObject({
      status: null,
      request,
      curl: 'curl given',
    });
    expect(one({ response: res, status: 503 }).status).toBe(503);
    const bare = one({});
    expect(bare.status).toBeNull();
    expect(bare).not.toHaveProperty('request');
    expect(bare).not.toHaveProperty('curl');
  });

  it('keeps values JSON-safe and bounded: huge bodies cut with their length, functions by their type', () => {
    const at300 = 'y'.repeat(298); // JSON.stringify adds two quotes: 300 characters, kept whole
    expect(one({ received: at300 }).received).toBe(at300);
    const over = 'y'.repeat(299);
    expect(one({ received: over }).received).toBe(`${JSON.stringify(over).slice(0, 300)}… (301 chars)`);
    expect(one({ received: () => 1 }).received).toBe('function');
    expect(one({ received: { when: new Date(0) } }).received).toEqual({ when: '1970-01-01T00:00:00.000Z' });
    expect(one({ documented: undefined }).documented).toBe(ABSENT);
  });
});

describe('where findings go', () => {
  it('an inferred expectation fails only when the profile declares it; a typical one never', () => {
    const findings = new Findings('unit-check');
    findings.inferred(false, { ...base, received: 'deviation' });
    findings.inferred(true, { ...base, received: 'failure' });
    findings.typical({ ...base, received: 'typical', basis: 'documented' });
    expect(findings.failures.map((f) => [f.received, f.basis])).toEqual([['failure', 'inferred']]);
    expect(findings.deviations.map((f) => [f.received, f.basis])).toEqual([
      ['deviation', 'inferred'],
      ['typical', 'typical'],
    ]);
  });

  it('records observations as JSON under their key', () => {
    const findings = new Findings('unit-check');
    findings.observe('polls', 3);
    findings.observe('gone', undefined);
    expect(findings.observations).toEqual({ polls: 3, gone: ABSENT });
  });
});
