/**
 * Replays that disagree with k6 today because of a divergence of the local engine (issue 10,
 * item 2: fixed on the engine's own branch). Each runs as `it.fails`: the day the engine agrees
 * with k6 that test fails, and its entry here must go. The comparison is not relaxed for them.
 * Abbreviations — EXPORT: --summary-export writes handleSummary's shape, not k6's export format;
 * TTY: handleSummary's `state` lacks isStdOutTTY/isStdErrTTY; VUS: vus/vus_max samples in a run
 * shorter than 1 s (k6 samples them once a second); DATA: no data_sent/data_received samples
 * for iterations without HTTP (k6 records them); MRS: the machine-readable summary's shape
 * (generatedAt/k6Version instead of generated_at/k6_version, no p90/p95, results.passed, more keys).
 */
export const KNOWN_DIVERGENCES: Readonly<Record<string, string>> = {
  'conformance/abort-on-fail': 'EXPORT, TTY, DATA',
  'conformance/async-timers': 'EXPORT, TTY, VUS',
  'conformance/batch-discard': 'EXPORT, TTY, VUS',
  'conformance/constant-arrival-rate':
    'EXPORT, TTY; k6 drops 2 iterations (VUs started in the background, an iteration at t = duration), local none: no dropped_iterations',
  'conformance/constant-vus': 'EXPORT, TTY',
  'conformance/dropped-iterations': 'EXPORT, TTY',
  'conformance/graceful-stop': 'k6 refuses a duration below 1 s (exit 104), local runs it',
  'conformance/per-vu-iterations': 'EXPORT, TTY, VUS',
  'conformance/ramping-arrival-rate': 'EXPORT, TTY',
  'conformance/redirects':
    "exit 99 vs 0: after a 303 k6's res.request.method is the original request's; EXPORT, TTY, VUS",
  'conformance/request-timeout':
    'timed-out / refused requests carry a proto tag on local, none on k6; EXPORT, TTY, VUS',
  'conformance/setup-data':
    'exit 99 vs 0 (setup-data arrays: push has no effect on k6); handleSummary: k6 has setup_data, local has setup/teardown groups; EXPORT, TTY, VUS',
  'conformance/shared-iterations': 'EXPORT, TTY, VUS',
  'conformance/tag-filter': 'EXPORT, TTY, VUS',
  'conformance/tag-filtering': 'a 404 carries error_code on k6, not on local; EXPORT, TTY, VUS',
  'conformance/test-abort':
    'k6 counts the iteration that called test.abort() (3), local does not (2); EXPORT, VUS',
  'conformance/thresholds-fail': 'EXPORT, TTY, VUS, DATA',
  'conformance/thresholds-pass': 'EXPORT, TTY, VUS, DATA',
  'scenario/all': 'MRS; an HTTP error status (504) carries error_code on k6, not on local',
  'scenario/background-polling': 'MRS',
  'scenario/mixed': 'MRS',
  'scenario/sync-latency': 'MRS',
  'scenario/timeout-boundary': 'MRS; an HTTP error status (504) carries error_code on k6, not on local',
};

/**
 * Subjects the local engine refuses at start by design (outside its documented subset; k6 runs
 * them): the replay asserts the refusal (exit 107, HARNESS_ERR_ENGINE_UNSUPPORTED naming this).
 */
export const REFUSED_BY_DESIGN: Readonly<Record<string, string>> = {
  'conformance/unsupported-module': "'k6/ws'",
};
