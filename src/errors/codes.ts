/**
 * Every HARNESS_ERR_* code the harness can raise, with what it means and the
 * default hint. A test checks each code here is documented in docs/errors.md
 * and each code used in the source is declared here. Add new codes here.
 */
export const ERROR_CODES = {
  HARNESS_ERR_USAGE: {
    meaning: 'A command-line flag or argument is missing or invalid.',
    hint: 'Run the command with --help to see its options.',
  },
  HARNESS_ERR_CONFIG_INVALID: {
    meaning:
      'The resolved configuration (flags > env > profile > defaults) does not match schemas/harness-config.schema.json.',
    hint: 'Fix the named setting; each setting is documented in schemas/harness-config.schema.json.',
  },
  HARNESS_ERR_SCHEMA_COMPILE: {
    meaning: 'A schema in schemas/ does not compile in ajv strict mode.',
    hint: 'Fix the schema named in the message; run `npm run gen` afterwards.',
  },
  HARNESS_ERR_GENERATED_STALE: {
    meaning: 'A generated file no longer matches what its generator produces from schemas/.',
    hint: 'Run `npm run gen` and commit the result.',
  },
  HARNESS_ERR_KEY_MISSING: {
    meaning:
      'The environment variable that should hold an API key is unset or empty (or its _FILE cannot be read).',
    hint: 'export the variable named in the message (or NAME_FILE=/path/to/keyfile) before running.',
  },
  HARNESS_ERR_RUN_NOT_FOUND: {
    meaning: 'The named run (id, path or "latest") has no folder under the reports directory.',
    hint: 'List runs with `ls reports/`; pass a run id, a path to a run folder, or omit it for the latest run.',
  },
  HARNESS_ERR_RUN_INCOMPLETE: {
    meaning: 'A run folder lacks a file the command needs (e.g. samples.json.gz for compare).',
    hint: 'Re-run `harness run` (or `harness load`) so the folder holds its load results.',
  },
  HARNESS_ERR_SHARD_INVALID: {
    meaning:
      'A folder given to `harness merge` is neither a shard folder (shard.json, summary-data.json, samples.json.gz) nor a run folder holding shards under shards/<i>/, or one of its files cannot be read.',
    hint: 'Pass the folders the shards wrote (HARNESS_SHARD_OUT, HARNESS_SUMMARY_OUT, --out json=) or a `harness load --shards N` run folder; README.md ("Shards") lists the files.',
  },
  HARNESS_ERR_SHARD_MISSING: {
    meaning:
      "The shards' execution segments do not cover the whole test (0 to 1): at least one shard is missing, so no verdict on the whole test can be given.",
    hint: 'Pass every shard of the test; the message names the uncovered part of the segment sequence.',
  },
  HARNESS_ERR_SHARD_DUPLICATE: {
    meaning:
      'Two shards given to `harness merge` ran the same (or an overlapping) execution segment: merging them would count that part of the test twice.',
    hint: 'Pass each shard once; when a shard was re-run, keep only one of its folders.',
  },
  HARNESS_ERR_SHARD_OTHER_TEST: {
    meaning:
      'The shards given to `harness merge` belong to different tests: their testId (HARNESS_TEST_ID) or their execution-segment sequence differ.',
    hint: 'Merge only the shards of one test: the same HARNESS_TEST_ID and --execution-segment-sequence on every one.',
  },
  HARNESS_ERR_SHARD_OTHER_BUNDLE: {
    meaning:
      'The shards given to `harness merge` ran different bundles (their shard.json bundleId or scenario differ): their results cannot be one test.',
    hint: 'Run every shard with the same dist/scenarios/<name>.js (rebuild once, then copy that file to every machine).',
  },
  HARNESS_ERR_BASELINE_MISSING: {
    meaning:
      'No baseline is saved for this series (target, profile, scenario set, engine, faults), and none was named.',
    hint: 'Save one with `harness baseline save [RUN]`, or pass `--baseline RUN`; `harness baseline list` shows the saved ones.',
  },
  HARNESS_ERR_BASELINE_REFUSED: {
    meaning:
      'The run cannot become a baseline: it is interrupted or failed to start, or it had failures (exit code other than 0).',
    hint: 'Save a complete, passing run (`harness history` lists runs with their status and exit code).',
  },
  HARNESS_ERR_SERIES_MISMATCH: {
    meaning:
      'The two runs given to compare are of different series (target, profile or scenario set differ), so their latencies are not comparable.',
    hint: 'Compare runs of the same target, profile and scenario set, or pass --allow-mismatch to compare anyway.',
  },
  HARNESS_ERR_TARGET_UNKNOWN: {
    meaning: 'The --target name matches no targets/<name>.json and is not an http(s) URL.',
    hint: 'Use a profile name from targets/, a bare URL such as http://127.0.0.1:8080, or omit --target for the embedded reference.',
  },
  HARNESS_ERR_TARGET_INVALID: {
    meaning: 'A target profile is not valid JSON or does not match schemas/target-profile.schema.json.',
    hint: 'Fix each listed JSON pointer; targets/example-staging.json is a complete example.',
  },
  HARNESS_ERR_TARGET_UNREACHABLE: {
    meaning: 'No TCP connection to the target host could be opened within the connect timeout.',
    hint: 'Check that the deployment is running and reachable, or fix baseUrl in the target profile.',
  },
  HARNESS_ERR_TARGET_URL_INVALID: {
    meaning: 'The --target URL cannot be parsed or names no host (e.g. "http://" or "http://:8080").',
    hint: 'Give a full URL such as http://127.0.0.1:8080 (scheme, host, optional port and path prefix).',
  },
  HARNESS_ERR_TARGET_URL_UNSUPPORTED: {
    meaning:
      'The --target URL is well formed but not usable: a scheme other than http/https, credentials in the URL, or a query/fragment.',
    hint: 'Use http:// or https:// with a host and optional path prefix; keys go in HARNESS_API_KEY, never in the URL.',
  },
  HARNESS_ERR_TARGET_TLS: {
    meaning:
      'A TLS handshake with the target failed: typically https:// against a server that speaks plain http.',
    hint: 'If the server speaks plain HTTP, use http:// in --target or baseUrl; otherwise check its certificate.',
  },
  HARNESS_ERR_KEY_REJECTED: {
    meaning:
      'The target answered 401/403 to the main API key on a request that needs only a valid key, before any check ran.',
    hint: 'The key in the named variable is wrong, expired or for another deployment: export a valid one. No contract check ran.',
  },
  HARNESS_ERR_ENGINE_UNSUPPORTED: {
    meaning:
      'A k6 script uses a module, option, executor or API the local engine does not implement (it never ignores one silently).',
    hint: 'Run the script with Grafana k6 (`--engine k6`, K6_BIN or k6 on PATH), or keep to the subset in src/engine/local/README.md.',
  },
  HARNESS_ERR_ENGINE_SCRIPT: {
    meaning:
      'The local engine cannot load a k6 script: file missing, syntax error, or an exception in its init context or setup().',
    hint: 'Fix the script at the position named in the message; check it runs with `node bin/local-engine.mjs run <script>`.',
  },
  HARNESS_ERR_ENGINE_OPTIONS: {
    meaning:
      'A k6 option has an invalid value for the local engine (e.g. a malformed duration, vus < 1, a scenario without its required fields).',
    hint: 'Fix the named option as k6 documents it (durations like "30s", "1m30s"; executors need their required fields).',
  },
  HARNESS_ERR_EXECUTION_SEGMENT: {
    meaning:
      "An execution segment or sequence (`--execution-segment`, `--execution-segment-sequence`, or the options `executionSegment`, `executionSegmentSequence`) is malformed, outside 0..1, or the segment is not one of the sequence's.",
    hint: 'Write a segment as k6 does: "from:to" or "to" (e.g. 1/3:2/3, 0.5, 25%:50%) with 0 ≤ from < to ≤ 1, a sequence as points (0,1/3,2/3,1), and give every instance the same sequence.',
  },
  HARNESS_ERR_UNKNOWN_FAULT: {
    meaning: 'A reference fault named with --fault (or HARNESS_FAULTS) does not exist.',
    hint: 'List the known faults with `harness serve --list-faults` and use one of those names.',
  },
  HARNESS_ERR_REFERENCE_NOT_LOOPBACK: {
    meaning: 'The reference deployment was asked to listen on a non-loopback address.',
    hint: 'Use --host 127.0.0.1 (or localhost / ::1); the reference only ever listens on loopback.',
  },
  HARNESS_ERR_REFERENCE_OPTION: {
    meaning: 'An option of the reference deployment (time scale, port, seed, retention, …) is out of range.',
    hint: 'Fix the named option; `harness serve --help` lists each with its range.',
  },
  HARNESS_ERR_REFERENCE_LISTEN: {
    meaning: 'The reference deployment could not listen on the requested host and port.',
    hint: 'Pick another --port (0 chooses a free one) or stop the process using it.',
  },
  HARNESS_ERR_THRESHOLD_INVALID: {
    meaning:
      'A threshold in options.thresholds has invalid syntax, an aggregation its metric type lacks, or names a metric that is never defined.',
    hint: 'Write thresholds as k6 does: "metric{tag:value}": ["p(95)<500"] or [{ threshold: "rate<0.01", abortOnFail: true, delayAbortEval: "10s" }]; counters take count|rate, gauges value, rates rate, trends avg|min|max|med|p(N).',
  },
  HARNESS_ERR_METRIC_INVALID: {
    meaning:
      'A script redefines a metric with another type, uses an invalid metric name, or adds a non-finite value.',
    hint: 'Give each custom metric one type and a name of 1–128 letters, digits, spaces or ._!?/&#()<>%- characters, and add only finite numbers.',
  },
  HARNESS_ERR_BUNDLE_INVALID: {
    meaning:
      'A scenario does not bundle into a self-contained k6 script (an esbuild error, a `require(`, a Node builtin or an import other than k6/*).',
    hint: 'Scenarios import only k6, k6/*, scenarios/lib and scenarios/generated; run `npm run gen` if the validators are stale, then `npm run build:scenarios`.',
  },
  HARNESS_ERR_K6_UNAVAILABLE: {
    meaning:
      '--engine k6 was asked for, but no usable Grafana k6 (K6_BIN or k6 on PATH, version 1.0 or newer) was found.',
    hint: 'Install k6 ≥ 1.0 (OS package, grafana/k6 container image, or grafana/setup-k6-action in CI) and put it on PATH or in K6_BIN, or use --engine local.',
  },
  HARNESS_ERR_SCENARIO_UNKNOWN: {
    meaning: 'A --scenario name matches no scenarios/<name>.ts.',
    hint: 'Use one of the names listed in the message, or `all`.',
  },
  HARNESS_ERR_SCENARIO_ENV: {
    meaning:
      'A k6 scenario was started with an invalid __ENV value (HARNESS_PROFILE, HARNESS_TIME_SCALE, or JSON in HARNESS_TARGET / HARNESS_POLLING / HARNESS_EXECUTOR).',
    hint: 'Run scenarios through `harness load`, or pass -e HARNESS_PROFILE=smoke|load|stress|soak|nightly and valid JSON, as README "Load scenarios" lists.',
  },
  HARNESS_ERR_DISTRIBUTE_INVALID: {
    meaning:
      '`harness distribute` got a flag it cannot turn into manifests: no --target or a loopback one (no pod reaches this machine), --parallelism not a whole number from 1 to 2147483647, or a Kubernetes name that is not a DNS-1123 name.',
    hint: 'Pass --target <profile|https://host> reachable from the cluster, --parallelism N (N ≥ 1) and lowercase names of letters, digits and "-" (`harness distribute --help`).',
  },
  HARNESS_ERR_BUNDLE_TOO_LARGE: {
    meaning:
      'The scenario bundle does not fit in one Kubernetes ConfigMap (1 MiB for all keys and values together), so `harness distribute` cannot ship it.',
    hint: 'Distribute one scenario instead of `all`, or drop what the bundle does not need; the message gives its size.',
  },
  HARNESS_ERR_CREDIT_BUDGET_EXCEEDED: {
    meaning:
      "The plan's credit estimate for the whole distributed test exceeds the credit budget (maxCredits), so `harness distribute` writes no manifests.",
    hint: 'Use a lighter --profile or a lower --parallelism where it changes the load, or raise the budget with --max-credits N (or HARNESS_MAX_CREDITS) if the spend is intended.',
  },
  HARNESS_ERR_INTERNAL: {
    meaning: 'An unexpected error inside the harness (a bug).',
    hint: 'Re-run with HARNESS_DEBUG=1 for the stack trace and report it.',
  },
} as const satisfies Record<string, { meaning: string; hint: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
