import { describe, expect, it } from 'vitest';
import { ABSENT, Expectations, Findings } from '../../contracts/kit/index.js';
import { answer } from '../support/fake-check.js';

/**
 * The expectations checks make beyond the status: a JSON content type, a body against its schema
 * (what each schema failure records), the documented error answer, and the inferred variant
 * (a failure only when the profile declares it).
 */
function judged(): { expectations: Expectations; findings: Findings } {
  const findings = new Findings('unit-check');
  return { expectations: new Expectations(findings), findings };
}

describe('content type expectation', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/problem+json', true],
    ['application/jsonp', false],
    ['text/json', false],
    ['text/plain; x=application/json', false],
    ['text/html', false],
  ])('%s → %s', (contentType, ok) => {
    const { expectations, findings } = judged();
    expect(expectations.contentType(answer(200, {}, { contentType }))).toBe(ok);
    expect(findings.failures).toHaveLength(ok ? 0 : 1);
  });

  it('a missing or wrong content type records what came and what is documented', () => {
    const { expectations, findings } = judged();
    expect(expectations.contentType(answer(200, {}, { contentType: undefined }))).toBe(false);
    expectations.contentType(answer(200, {}, { contentType: 'text/html' }));
    expect(findings.failures.map((f) => [f.code, f.schemaPath, f.received, f.documented])).toEqual([
      ['WRONG_CONTENT_TYPE', 'header:content-type', ABSENT, 'application/json'],
      ['WRONG_CONTENT_TYPE', 'header:content-type', 'text/html', 'application/json'],
    ]);
  });
});

describe('schema expectation', () => {
  it('a body that is not JSON is one NOT_JSON failure quoting the start of the text', () => {
    const { expectations, findings } = judged();
    const text = `<html>${'x'.repeat(500)}`;
    expect(expectations.schema(answer(200, text), 'error-body.schema.json')).toBe(false);
    expect(findings.failures).toHaveLength(1);
    expect(findings.failures[0]).toMatchObject({
      code: 'NOT_JSON',
      schemaPath: 'error-body.schema.json',
      received: text.slice(0, 200),
      documented: 'a JSON body',
    });
  });

  it('an inline schema is named by its label, "inline" by default', () => {
    const { expectations, findings } = judged();
    expectations.schema(answer(200, 'nope'), { type: 'object' });
    expectations.schema(answer(200, 'nope'), { type: 'object' }, 'workflows.fast.outputComponents');
    expect(findings.failures.map((f) => f.schemaPath)).toEqual(['inline', 'workflows.fast.outputComponents']);
    expectations.schema(answer(200, [1]), { type: 'object' });
    expect(findings.failures[2]?.schemaPath).toBe('inline#/type');
  });

  it('a valid body passes with no finding; each violation is its own failure', () => {
    const { expectations, findings } = judged();
    const res = answer(200, { conversationId: 'c', output: {}, creditUsage: 1 });
    expect(expectations.schema(res, 'execute-response.schema.json')).toBe(true);
    expect(findings.failures).toEqual([]);
    const bad = answer(200, { conversationId: 1, output: {}, creditUsage: 'ten' });
    expect(expectations.schema(bad, 'execute-response.schema.json')).toBe(false);
    expect(findings.failures.map((f) => f.instancePath).sort()).toEqual(['/conversationId', '/creditUsage']);
  });

  it('a missing field names its escaped path, received absent, documented as required', () => {
    const { expectations, findings } = judged();
    const schema = { type: 'object', required: ['Risk/Score'], properties: { 'Risk/Score': {} } };
    expectations.value(answer(200, {}), { a: 1 }, schema, 'output', '/output');
    expect(findings.failures[0]).toMatchObject({
      code: 'SCHEMA_VIOLATION',
      instancePath: '/output/Risk~1Score',
      received: ABSENT,
      documented: 'required property "Risk/Score"',
      schemaPath: 'output#/required',
    });
    expect(findings.failures[0]?.message).toBe(
      `executeWorkflow /output/Risk~1Score: Received: ${ABSENT} / Documented: required property "Risk/Score"`,
    );
  });

  it('a wrong type names the type; another rule names its keyword and message; both quote the value', () => {
    const { expectations, findings } = judged();
    const schema = {
      type: 'object',
      properties: { score: { type: 'number' }, n: { type: 'number', minimum: 0 } },
    };
    const body = { score: 'high', n: -1 };
    expect(expectations.value(answer(200, body), body, schema, 'profile', '/output')).toBe(false);
    expect(findings.failures.map((f) => [f.instancePath, f.received, f.documented])).toEqual([
      ['/output/score', 'high', 'type number'],
      ['/output/n', -1, 'minimum: must be >= 0'],
    ]);
    expect(findings.failures.every((f) => f.code === 'SCHEMA_VIOLATION')).toBe(true);
  });
});

describe('error answer expectation', () => {
  it('the documented error answer passes', () => {
    const { expectations, findings } = judged();
    expect(expectations.errorBody(answer(404, { error: 'not found' }), 404)).toBe(true);
    // 400 is the first error status: judged in full like any other.
    expect(expectations.errorBody(answer(400, { error: 'bad input' }), 400)).toBe(true);
    expect(findings.failures).toEqual([]);
  });

  it('a success where an error was due is one failure (the status), not three', () => {
    const { expectations, findings } = judged();
    expect(expectations.errorBody(answer(200, 'ok', { contentType: 'text/plain' }), 401)).toBe(false);
    expect(findings.failures.map((f) => f.schemaPath)).toEqual(['status']);
    expect(expectations.errorBody(answer(399, 'x', { contentType: 'text/plain' }), 401)).toBe(false);
    expect(findings.failures).toHaveLength(2);
  });

  it('an error status with a wrong content type, body or status fails on that part alone', () => {
    const cases = [
      [answer(401, { error: 'no' }, { contentType: 'text/plain' }), 401, ['header:content-type']],
      [answer(401, { message: 'no' }), 401, ['error-body.schema.json#/required']],
      [answer(403, { error: 'no' }), 401, ['status']],
      [answer(400, { error: 'no' }), 401, ['status']],
    ] as const;
    for (const [res, status, paths] of cases) {
      const { expectations, findings } = judged();
      expect(expectations.errorBody(res, status)).toBe(false);
      expect(findings.failures.map((f) => f.schemaPath)).toEqual(paths);
    }
  });
});

describe('inferred expectations', () => {
  it('fail when the profile declares them, else are deviations; the original stays documented', () => {
    const { expectations, findings } = judged();
    const res = answer(200, {}, { contentType: 'text/html' });
    expectations.inferred(false).contentType(res);
    expect([findings.failures.length, findings.deviations.length]).toEqual([0, 1]);
    expectations.inferred(true).contentType(res);
    expect(findings.failures.map((f) => f.basis)).toEqual(['inferred']);
    expectations.contentType(res);
    expect(findings.failures.map((f) => f.basis)).toEqual(['inferred', undefined]);
  });
});
