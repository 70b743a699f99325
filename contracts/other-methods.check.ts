import {
  ALL_ENDPOINTS,
  defineCheck,
  plausibleBody,
  type ApiResponse,
  type CheckContext,
} from './kit/index.js';

/** Every method a client might try besides the documented POST (HEAD and OPTIONS are transport matters). */
const OTHER_METHODS = ['GET', 'PUT', 'PATCH', 'DELETE'] as const;
const RFC_405 = 'RFC 9110 §15.5.6: a 405 carries an Allow header naming the allowed methods';

const allowsPost = (res: ApiResponse): boolean =>
  (res.headers['allow'] ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .includes('POST');

/**
 * The docs show each endpoint as POST only and say nothing of other methods: the status is
 * the profile's `otherMethodStatus` when declared (inferred: a failure), else only typical
 * (405 + Allow: POST, or 404; anything else, a 2xx above all, is a deviation). A 405 must
 * name POST in Allow; an error answer carries the documented {"error"} body.
 */
defineCheck(
  {
    id: 'other-methods',
    title:
      "GET, PUT, PATCH, DELETE on every endpoint: refused with the profile's otherMethodStatus (typical: 405 + Allow: POST, or 404), never executed",
    endpoints: ALL_ENDPOINTS,
    needs: [],
    basis: 'inferred',
  },
  async (ctx) => {
    const declared = ctx.profile.otherMethodStatus;
    const expect = ctx.expect.inferred(declared !== undefined);
    const seen: Record<string, number[]> = {};
    // Endpoint order within each method: the observation reads as {GET: [s1, s2, s3], …}.
    for (const endpoint of ALL_ENDPOINTS) {
      for (const method of OTHER_METHODS) {
        // A body where one is usual, so a deployment that routes any method to the handler shows it;
        // not on a read-only profile, where such a PUT could spend credits.
        const withBody = (method === 'PUT' || method === 'PATCH') && ctx.profile.readOnly !== true;
        const res = await ctx.api.send(method, endpoint, withBody ? plausibleBody(ctx, endpoint) : undefined);
        (seen[method] ??= []).push(res.status);
        if (declared !== undefined) expect.status(res, declared);
        else if (res.status !== 404 && res.status !== 405) typicalStatus(ctx, res);
        if (res.status === 405 && !allowsPost(res)) allowMissing(ctx, res, declared === 405);
        if (res.status >= 400) {
          expect.contentType(res);
          expect.schema(res, 'error-body.schema.json');
        }
      }
    }
    ctx.findings.observe('statusByMethod', seen);
  },
);

function typicalStatus(ctx: CheckContext, res: ApiResponse): void {
  ctx.findings.typical({
    code: res.status >= 200 && res.status < 300 ? 'OTHER_METHOD_ACCEPTED' : 'WRONG_STATUS',
    endpoint: res.endpoint,
    response: res,
    schemaPath: 'status',
    received: res.status,
    documented: `405 (Allow: POST) or 404 for ${res.request.method}: the docs show POST only`,
  });
}

function allowMissing(ctx: CheckContext, res: ApiResponse, declared: boolean): void {
  ctx.findings.inferred(declared, {
    code: 'ALLOW_MISSING',
    endpoint: res.endpoint,
    response: res,
    schemaPath: 'header:allow',
    received: res.headers['allow'] ?? '(absent)',
    receivedIsDescription: res.headers['allow'] === undefined,
    documented: `an Allow header naming POST (${RFC_405})`,
  });
}
