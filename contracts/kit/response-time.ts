import type { Findings } from './findings.js';
import type { ApiResponse, ClientHooks } from './http-client.js';
import type { TargetProfile } from './target-context.js';

/**
 * The profile's per-request response-time bound (`responseTimeMs.<endpoint>`): every
 * check request slower than its endpoint's bound is a failure naming the endpoint, the
 * time measured (send → whole body) and the bound. The docs state no response time, so
 * the bound is the profile's declaration (inferred, declared) and absent means unchecked.
 * Requests with their own bound (sync-limit waits past the sync limit on purpose) are
 * exempt. One failure per endpoint per check; how many exceeded is an observation.
 */
export function responseTimeHook(profile: TargetProfile, findings: Findings): ClientHooks['onResponse'] {
  const bounds = profile.responseTimeMs;
  if (bounds === undefined) return undefined;
  const exceeded: Record<string, number> = {};
  return (res: ApiResponse, options) => {
    const bound = bounds[res.endpoint];
    if (bound === undefined || options.timeoutMs !== undefined || res.durationMs <= bound) return;
    exceeded[res.endpoint] = (exceeded[res.endpoint] ?? 0) + 1;
    findings.observe('responseTimeExceeded', exceeded);
    if (exceeded[res.endpoint] !== 1) return;
    findings.inferred(true, {
      code: 'RESPONSE_TIME',
      endpoint: res.endpoint,
      response: res,
      schemaPath: `profile: responseTimeMs.${res.endpoint}`,
      received: `${Math.round(res.durationMs)} ms`,
      receivedIsDescription: true,
      documented: `at most ${bound} ms per request (target profile responseTimeMs.${res.endpoint})`,
    });
  };
}
