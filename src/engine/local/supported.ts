import { HarnessError } from '../../errors/index.js';

/**
 * The k6 surface the local engine implements. Anything else must fail before the first
 * request (never be silently ignored), so these lists are the single place that decides,
 * and `--help` and README.md print them.
 */
export const SUPPORTED_MODULES: Readonly<Record<string, string>> = {
  k6: 'check, group, sleep, fail',
  'k6/http':
    'request, get, post, put, patch, del, head, options, batch, asyncRequest, expectedStatuses, setResponseCallback',
  'k6/metrics': 'Counter, Gauge, Rate, Trend (add with tags)',
  'k6/timers': 'setTimeout, clearTimeout, setInterval, clearInterval',
  'k6/execution': 'vu, scenario, instance, test.abort',
  'k6/data': 'SharedArray',
};

export const SUPPORTED_OPTIONS: readonly string[] = [
  'scenarios',
  'vus',
  'iterations',
  'duration',
  'thresholds',
  'summaryTrendStats',
  'setupTimeout',
  'teardownTimeout',
  'tags',
  'userAgent',
  'discardResponseBodies',
  'maxRedirects',
  'executionSegment',
  'executionSegmentSequence',
];

/** Names of k6 http functions that block the VU until the response is in. */
export const HTTP_BLOCKING = new Set([
  'request',
  'get',
  'post',
  'put',
  'patch',
  'del',
  'head',
  'options',
  'batch',
]);
/** Functions of module `k6` that block (sleep) or run their callback synchronously (group). */
export const K6_BLOCKING = new Set(['sleep', 'group']);

export function unsupported(what: string, detail = ''): HarnessError {
  return new HarnessError(
    'HARNESS_ERR_ENGINE_UNSUPPORTED',
    `the local engine (not k6) does not support ${what}${detail === '' ? '' : `: ${detail}`}`,
    {
      hint: 'Run this script with Grafana k6 (`--engine k6`, K6_BIN or k6 on PATH), or keep to the subset listed by `local-engine --help` (src/engine/local/README.md).',
    },
  );
}

/**
 * k6 APIs the local engine does not implement that a module check cannot see, found by a
 * scan of the script text so they are refused at start rather than mid-run. The scan is
 * textual: an unrelated object key spelled the same (say `auth:`) is refused too.
 */
const UNSUPPORTED_IN_SOURCE: readonly (readonly [RegExp, string])[] = [
  [/\.html\s*\(/, 'Response.html()'],
  [/\bcookies\s*:/, "the request param 'cookies'"],
  [/\bjar\s*:/, "the request param 'jar' (cookie jars)"],
  [/\bauth\s*:/, "the request param 'auth'"],
  [/\bcompression\s*:/, "the request param 'compression'"],
  [/\bcookieJar\s*\(/, 'http.cookieJar()'],
];

export function checkSource(source: string): void {
  const found = UNSUPPORTED_IN_SOURCE.filter(([pattern]) => pattern.test(source)).map(([, what]) => what);
  if (found.length > 0)
    throw unsupported(
      found.join(', '),
      'found in the script text (a scan before the test starts; rename an unrelated key that reads the same)',
    );
}

export function checkModule(specifier: string): void {
  if (!(specifier in SUPPORTED_MODULES))
    throw unsupported(
      `the module '${specifier}'`,
      `supported modules are ${Object.keys(SUPPORTED_MODULES).join(', ')}`,
    );
}
