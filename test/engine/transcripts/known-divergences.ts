/**
 * Replays that disagree with k6 because of a known divergence of the local engine. Each runs as
 * `it.fails`: the day the engine agrees with k6 that test fails, and its entry here must go. The
 * comparison is never relaxed for them. Empty since the k6 v2.2.0 recording of 2026-11-30: every
 * conformance script and scenario bundle agrees.
 */
export const KNOWN_DIVERGENCES: Readonly<Record<string, string>> = {};

/**
 * Subjects the local engine refuses at start by design (outside its documented subset; k6 runs
 * them): the replay asserts the refusal (exit 107, HARNESS_ERR_ENGINE_UNSUPPORTED naming this).
 */
export const REFUSED_BY_DESIGN: Readonly<Record<string, string>> = {
  'conformance/unsupported-module': "'k6/ws'",
  'conformance/unsupported-http-api': 'cookies',
};
