import { ALL_ENDPOINTS, defineCheck, plausibleBody } from './kit/index.js';

/** text/plain, and what `curl -d` sends when the user forgets -H 'Content-Type: application/json'. */
const WRONG_TYPES = ['text/plain; charset=utf-8', 'application/x-www-form-urlencoded'] as const;

/**
 * A valid JSON body under a Content-Type other than application/json (the only one the
 * docs' examples send). Which status comes back the docs do not say: the profile's
 * `wrongContentTypeStatus` when declared (inferred: a failure), else typical 400 or 415
 * (anything else, a 2xx above all, is a deviation). An error answer carries the
 * documented {"error"} body with a JSON content type (documented: every error answer).
 */
defineCheck(
  {
    id: 'bad-request-content-type',
    title:
      'A valid JSON body sent as text/plain or form data, on every endpoint: the profile\'s wrongContentTypeStatus (typical: 400 or 415) with {"error"}',
    endpoints: ALL_ENDPOINTS,
    // A deployment that ignores the Content-Type executes the workflow.
    needs: ['writes'],
    basis: 'inferred',
  },
  async (ctx) => {
    const declared = ctx.profile.wrongContentTypeStatus;
    const seen: Record<string, number[]> = {};
    for (const endpoint of ALL_ENDPOINTS) {
      for (const contentType of WRONG_TYPES) {
        const res = await ctx.api.post(endpoint, plausibleBody(ctx, endpoint), { contentType });
        (seen[contentType] ??= []).push(res.status);
        if (declared !== undefined) ctx.expect.inferred(true).status(res, declared);
        else if (res.status !== 400 && res.status !== 415)
          ctx.findings.typical({
            code: res.status < 300 ? 'CONTENT_TYPE_IGNORED' : 'WRONG_STATUS',
            endpoint,
            response: res,
            schemaPath: 'status',
            received: res.status,
            documented: `400 or 415 for Content-Type ${contentType}: the docs send application/json`,
          });
        if (res.status >= 400) {
          ctx.expect.contentType(res);
          ctx.expect.schema(res, 'error-body.schema.json');
        }
      }
    }
    ctx.findings.observe('statusByContentType', seen);
  },
);
