import fc from 'fast-check';
import {
  TransportError,
  defineCheck,
  executeBody,
  requestRules,
  statusFailureCode,
  unknownId,
  validateBody,
  workflow,
  wrongValueFor,
  type ApiResponse,
  type CheckContext,
} from './kit/index.js';

const NUM_RUNS = 30;
const TIME_LIMIT_MS = 15_000;
type Endpoint = 'executeWorkflow' | 'executeWorkflowBackground' | 'getConversationById';

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

type Body = Record<string, unknown>;

/** A required field missing, a field of a JSON type its schema does not allow, or an empty string where minLength > 0. */
function schemaVariants(valid: Body, schemaFile: string): Array<fc.Arbitrary<Body>> {
  const { required, properties } = requestRules(schemaFile);
  const variants: Array<fc.Arbitrary<Body>> = [
    fc.constantFrom(...required).map((field) => {
      const copy = { ...valid };
      delete copy[field];
      return copy;
    }),
  ];
  for (const p of properties.filter((q) => q.types.length > 0)) {
    variants.push(wrongTyped(p.types).map((value) => ({ ...valid, [p.field]: value })));
    if (p.minLength !== undefined && p.minLength > 0) variants.push(fc.constant({ ...valid, [p.field]: '' }));
  }
  return variants;
}

/** Invalid bodies per endpoint, from execute-request / get-conversation-request schemas and the fast workflow's input components. */
function invalidRequest(ctx: CheckContext): fc.Arbitrary<[Endpoint, Body]> {
  const valid = executeBody(ctx);
  const execute = schemaVariants(valid, 'execute-request.schema.json');
  if (!ctx.target.guessed.includes('workflows.fast')) {
    const typed = Object.entries(workflow(ctx, 'fast').inputComponents).filter(
      ([, t]) => wrongValueFor(t) !== undefined,
    );
    for (const [name, type] of typed) {
      const kind =
        typeof type === 'object'
          ? String((type as { type?: unknown }).type)
          : type === 'text'
            ? 'string'
            : type;
      execute.push(
        wrongTyped([kind]).map((value) => ({
          ...valid,
          input: { ...(valid.input as object), [name]: value },
        })),
      );
    }
  }
  const get = schemaVariants(
    { workflowId: valid.workflowId, conversationId: unknownId(ctx, 'conversation') },
    'get-conversation-request.schema.json',
  );
  const executeEndpoint = fc.constantFrom<Endpoint>('executeWorkflow', 'executeWorkflowBackground');
  return fc.oneof(
    ...execute.map((body) => fc.tuple(executeEndpoint, body)),
    ...get.map((body) => fc.tuple(fc.constant<Endpoint>('getConversationById'), body)),
  );
}

const countBy = (items: readonly string[]): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

/** Why an answer to an invalid body breaks the contract, or undefined when it is a proper 4xx error. */
function violation(res: ApiResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status} (never 5xx for invalid input)`;
  if (res.status < 400) return `accepted invalid input with ${res.status}`;
  if (validateBody('error-body.schema.json', res.json).length > 0)
    return `answered ${res.status} without the {"error": string} body`;
  return undefined;
}

defineCheck(
  {
    id: 'negative-inputs',
    title:
      'Generated invalid bodies (fast-check, seeded): always 4xx with {"error"}, never 5xx, never accepted',
    endpoints: ['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'],
    needs: [],
    basis: 'documented',
    bound: () => ({ ms: TIME_LIMIT_MS * 3, from: `3 × the fast-check time limit (${TIME_LIMIT_MS} ms)` }),
  },
  async (ctx) => {
    // Only violating answers: a flaky target may answer the same body well on a replay while shrinking.
    const violating = new Map<string, ApiResponse>();
    const property = fc.asyncProperty(invalidRequest(ctx), async ([endpoint, body]) => {
      const res = await ctx.api.post(endpoint, body);
      if (violation(res) === undefined) return true;
      violating.set(JSON.stringify([endpoint, body]), res);
      return false;
    });
    const details = await fc.check(property, {
      seed: ctx.seed | 0,
      numRuns: NUM_RUNS,
      interruptAfterTimeLimit: TIME_LIMIT_MS,
    });
    ctx.findings.observe('fastCheck', {
      seed: details.seed,
      numRuns: details.numRuns,
      numShrinks: details.numShrinks,
      interrupted: details.interrupted,
      requests: ctx.api.requests.length,
      byPath: countBy(ctx.api.requests.map((r) => r.path)),
    });
    if (!details.failed || details.counterexample === null) return;
    const [[endpoint, body]] = details.counterexample;
    ctx.findings.observe('counterexample', {
      endpoint,
      body,
      seed: details.seed,
      path: details.counterexamplePath,
    });
    const res = violating.get(JSON.stringify([endpoint, body]));
    // No answer at all (reset, refused, timed out): the kit reports the TransportError as TRANSPORT.
    if (res === undefined && details.errorInstance instanceof TransportError) throw details.errorInstance;
    if (res === undefined)
      throw new Error('fast-check failed without a recorded answer', { cause: details.errorInstance });
    ctx.findings.fail({
      code: statusFailureCode(res.status, 'INVALID_INPUT_ACCEPTED'),
      endpoint,
      response: res,
      schemaPath: 'status',
      received: `${res.status} ${res.text.slice(0, 120)}`,
      receivedIsDescription: true,
      documented: `4xx with {"error": string} (${violation(res) ?? ''}); minimal counterexample ${JSON.stringify(body)}, seed ${details.seed}`,
    });
  },
);
