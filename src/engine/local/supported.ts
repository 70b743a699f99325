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

export function checkModule(specifier: string): void {
  if (!(specifier in SUPPORTED_MODULES))
    throw unsupported(
      `the module '${specifier}'`,
      `supported modules are ${Object.keys(SUPPORTED_MODULES).join(', ')}`,
    );
}
