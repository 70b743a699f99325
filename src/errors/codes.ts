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
    meaning: 'The resolved configuration (flags > env > profile > defaults) does not match schemas/harness-config.schema.json.',
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
    meaning: 'The environment variable that should hold an API key is unset or empty (or its _FILE cannot be read).',
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
  HARNESS_ERR_BASELINE_MISSING: {
    meaning: 'No baseline is saved for this target and profile, and none was named.',
    hint: 'Save one with `harness baseline save [RUN]`, or pass `--baseline RUN`.',
  },
  HARNESS_ERR_INTERNAL: {
    meaning: 'An unexpected error inside the harness (a bug).',
    hint: 'Re-run with HARNESS_DEBUG=1 for the stack trace and report it.',
  },
} as const satisfies Record<string, { meaning: string; hint: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
