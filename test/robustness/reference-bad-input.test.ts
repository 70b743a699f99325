import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator } from '../../src/contract/index.js';
import { startReference } from '../../reference/index.js';
import { invalidBodies } from './support/invalid-bodies.js';
import { hasErrorBody, post, type Answer } from './support/http.js';

/**
 * Issue 6: hostile input against the reference deployment — schema-driven invalid bodies
 * (seeded), malformed JSON, wrong content types, deep nesting, huge strings. Zero 5xx, the
 * server stays up, every answer carries {"error": string}. Figures are printed at the end.
 */
const SEED = 6_2026;
const RUNS_PER_ENDPOINT = 1200;

type Reference = Awaited<ReturnType<typeof startReference>>;
let ref: Reference;
const tally = { cases: 0, fiveXx: 0, missingErrorBody: 0 };

beforeAll(async () => {
  ref = await startReference({ port: 0, timeScale: 0.001, faults: [], seed: SEED });
});
afterAll(async () => {
  await ref.close();
  console.log(
    `[robustness] bad-input cases tried: ${tally.cases}, 5xx: ${tally.fiveXx}, answers without error body: ${tally.missingErrorBody}`,
  );
});

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', 'x-api-key': ref.keys.full, ...extra };
}
function record(answer: Answer): Answer {
  tally.cases++;
  if (answer.status >= 500) tally.fiveXx++;
  if (answer.status >= 400 && !hasErrorBody(answer)) tally.missingErrorBody++;
  return answer;
}
function expectErrorAnswer(answer: Answer, context: string): void {
  expect(answer.status, `${context}: ${answer.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${context}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  expect(hasErrorBody(answer), `${context}: body ${answer.text.slice(0, 200)}`).toBe(true);
}

describe('reference under schema-driven invalid input', () => {
  const validator = new ContractValidator();
  const cases = [
    ['executeWorkflow', 'execute-request.schema.json'],
    ['executeWorkflowBackground', 'execute-request.schema.json'],
    ['getConversationById', 'get-conversation-request.schema.json'],
  ] as const;

  it.each(cases)('%s: every invalid body gets 4xx + error body (seeded)', async (endpoint, schema) => {
    const fast = ref.profile().workflows.fast;
    const valid: Record<string, unknown> =
      endpoint === 'getConversationById'
        ? { workflowId: fast.workflowId, conversationId: 'c-does-not-matter' }
        : { workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput };
    await fc.assert(
      fc.asyncProperty(invalidBodies(schema, valid), async (body) => {
        expect(validator.validate(schema, body).valid).toBe(false);
        const answer = record(await post(`${ref.url}/api/${endpoint}`, JSON.stringify(body), headers()));
        expectErrorAnswer(answer, `${endpoint} ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { seed: SEED, numRuns: RUNS_PER_ENDPOINT },
    );
  });
});

describe('reference under malformed requests', () => {
  const url = (): string => `${ref.url}/api/executeWorkflow`;
  const validBody = (): string => {
    const fast = ref.profile().workflows.fast;
    return JSON.stringify({ workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput });
  };

  it('malformed JSON (seeded strings that do not parse, plus classics) → 400 + error body', async () => {
    const classics = [
      '{',
      '{"workflowId":',
      '{"a":1}}',
      "{'a':1}",
      '[1,2',
      '\uFEFF{}x',
      'NaN',
      '{"version":01}',
      '\u0000',
    ];
    const generated = fc.sample(
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    for (const raw of [...classics, ...generated]) {
      expectErrorAnswer(record(await post(url(), raw, headers())), `malformed ${JSON.stringify(raw)}`);
    }
  });

  it('an empty body with a JSON content type → 4xx + error body', async () => {
    expectErrorAnswer(record(await post(url(), '', headers())), 'empty body');
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/octet-stream',
  ])('content type %s → 4xx + error body', async (type) => {
    expectErrorAnswer(record(await post(url(), validBody(), headers({ 'content-type': type }))), type);
  });

  it.each([10_000, 100_000])(
    'input nested %i levels deep → no 5xx, error body when refused',
    async (depth) => {
      const fast = ref.profile().workflows.fast;
      const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const raw = `{"workflowId":${JSON.stringify(fast.workflowId)},"version":${fast.version},"input":{"nested":${deep}}}`;
      for (const endpoint of ['executeWorkflow', 'executeWorkflowBackground']) {
        const answer = record(await post(`${ref.url}/api/${endpoint}`, raw, headers()));
        // Parsed without a crash, then refused for what it is (an unknown input field): a 4xx + error body.
        expectErrorAnswer(answer, `${endpoint}: input nested ${depth} deep`);
      }
      const arrays = `{"workflowId":${JSON.stringify(fast.workflowId)},"version":${fast.version},"input":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      expectErrorAnswer(record(await post(url(), arrays, headers())), `arrays ${depth} deep as input`);
    },
  );

  it('huge strings: just under the body limit → no 5xx; over it → a documented 4xx + error body', async () => {
    const fast = ref.profile().workflows.fast;
    const [firstInput = 'x'] = Object.keys(fast.sampleInput);
    const make = (n: number): string =>
      JSON.stringify({
        workflowId: fast.workflowId,
        version: fast.version,
        input: { ...fast.sampleInput, [firstInput]: 'x'.repeat(n) },
      });
    const limit = 1024 * 1024;
    const near = record(await post(url(), make(limit - 1024), headers()));
    // A valid body just under the limit is an ordinary execution.
    expect(near.status, near.text.slice(0, 200)).toBe(200);
    expect(typeof (near.json as { conversationId?: unknown } | null)?.conversationId).toBe('string');
    const over = record(await post(url(), make(limit * 4), headers()));
    expectErrorAnswer(over, 'over the body limit');
    // The reference keeps to documented statuses (400) rather than 413; either is an honest refusal.
    expect([400, 413]).toContain(over.status);
    expect((over.json as { error: string }).error).toMatch(/large|limit|size/i);
    const hugeKey = record(
      await post(
        url(),
        JSON.stringify({ workflowId: 'w'.repeat(limit - 100), version: 1, input: {} }),
        headers(),
      ),
    );
    expectErrorAnswer(hugeKey, 'huge workflowId');
  });

  it('is still healthy afterwards and nothing answered 5xx', async () => {
    const res = await fetch(`${ref.url}/__reference/health`, { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
    expect(tally.fiveXx).toBe(0);
    expect(tally.missingErrorBody).toBe(0);
  });
});
