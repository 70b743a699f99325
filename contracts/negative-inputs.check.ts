import fc from 'fast-check';
import { defineCheck, executeBody, requestRules, validateBody, workflow, wrongValueFor, type ApiResponse, type CheckContext } from './kit/index.js';

const NUM_RUNS = 30;
const TIME_LIMIT_MS = 15_000;
type Endpoint = 'executeWorkflow' | 'executeWorkflowBackground';

/** A value of any JSON type but the allowed ones. */
function wrongTyped(types: readonly string[]): fc.Arbitrary<unknown> {
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.string({ maxLength: 12 })],
    ['number', fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['object', fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 2 })],
    ['array', fc.array(fc.integer(), { maxLength: 3 })],
  ];
  const allowed = new Set(types.includes('integer') ? [...types, 'number'] : types);
  return fc.oneof(...all.filter(([t]) => !allowed.has(t)).map(([, arb]) => arb));
}

/** Invalid execute bodies: a required field missing or mistyped (from execute-request.schema.json), or an input component mistyped. */
function invalidBody(ctx: CheckContext): fc.Arbitrary<Record<string, unknown>> {
  const valid = executeBody(ctx);
  const { required, properties } = requestRules();
  const variants: Array<fc.Arbitrary<Record<string, unknown>>> = [
    fc.constantFrom(...required).map((field) => {
      const copy = { ...valid };
      delete copy[field];
      return copy;
    }),
    ...properties.filter((p) => p.types.length > 0).map((p) => wrongTyped(p.types).map((value) => ({ ...valid, [p.field]: value }))),
  ];
  if (!ctx.target.guessed.includes('workflows.fast')) {
    const typed = Object.entries(workflow(ctx, 'fast').inputComponents).filter(([, t]) => wrongValueFor(t) !== undefined);
    for (const [name, type] of typed) {
      const kind = typeof type === 'object' ? String((type as { type?: unknown }).type) : type === 'text' ? 'string' : type;
      variants.push(wrongTyped([kind]).map((value) => ({ ...valid, input: { ...(valid.input as object), [name]: value } })));
    }
  }
  return fc.oneof(...variants);
}

/** Why an answer to an invalid body breaks the contract, or undefined when it is a proper 4xx error. */
function violation(res: ApiResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status} (never 5xx for invalid input)`;
  if (res.status < 400) return `accepted invalid input with ${res.status}`;
  if (validateBody('error-body.schema.json', res.json).length > 0) return `answered ${res.status} without the {"error": string} body`;
  return undefined;
}

defineCheck(
  {
    id: 'negative-inputs',
    title: 'Generated invalid bodies (fast-check, seeded): always 4xx with {"error"}, never 5xx, never accepted',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground'],
    needs: [],
    timeoutMs: () => TIME_LIMIT_MS * 3,
  },
  async (ctx) => {
    // Only violating answers: a flaky target may answer the same body well on a replay while shrinking.
    const violating = new Map<string, ApiResponse>();
    const property = fc.asyncProperty(fc.constantFrom<Endpoint>('executeWorkflow', 'executeWorkflowBackground'), invalidBody(ctx), async (endpoint, body) => {
      const res = await ctx.api.post(endpoint, body);
      if (violation(res) === undefined) return true;
      violating.set(JSON.stringify([endpoint, body]), res);
      return false;
    });
    const details = await fc.check(property, { seed: ctx.seed | 0, numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS });
    ctx.findings.observe('fastCheck', { seed: details.seed, numRuns: details.numRuns, numShrinks: details.numShrinks, interrupted: details.interrupted, requests: ctx.api.requests.length });
    if (!details.failed || details.counterexample === null) return;
    const [endpoint, body] = details.counterexample;
    ctx.findings.observe('counterexample', { endpoint, body, seed: details.seed, path: details.counterexamplePath });
    const res = violating.get(JSON.stringify([endpoint, body]));
    if (res === undefined) throw new Error('fast-check failed without a recorded answer', { cause: details.errorInstance });
    ctx.findings.fail({ code: res.status >= 500 ? 'SERVER_ERROR' : 'INVALID_INPUT_ACCEPTED', endpoint, response: res, schemaPath: 'status', received: `${res.status} ${res.text.slice(0, 120)}`, receivedIsDescription: true, documented: `4xx with {"error": string} (${violation(res) ?? ''}); minimal counterexample ${JSON.stringify(body)}, seed ${details.seed}` });
  },
);
