/** The modules `npm run mutation` runs (scripts/mutation.ts), with the test files of each. */

/**
 * Each module's sources and the test files that exercise them. Named rather than found by vitest's
 * `related`: the contract kit runs in verify's inner vitest, which no test file imports.
 *
 * `tests` are the files the scores in docs/mutation.md were measured with: a mutant costs seconds.
 * `slowTests` run `harness verify` against the reference once per fault, or whole load runs: a
 * minute or more per mutant they cover, so only with `--with-slow-tests`. A mutant the fast files
 * kill is killed by `npm test` too, so the default score is a lower bound.
 */
export const MODULE_RUNS: Record<
  string,
  { readonly mutate: string; readonly tests: readonly string[]; readonly slowTests?: readonly string[] }
> = {
  metrics: {
    mutate: 'src/engine/metrics/**/*.ts',
    tests: ['test/engine/metrics/**/*.test.ts', 'test/engine/conformance/thresholds-summary.test.ts'],
  },
  executors: {
    mutate: 'src/engine/local/executors/**/*.ts',
    tests: ['test/engine/conformance/executors-http.test.ts', 'test/engine/local/**/*.test.ts'],
  },
  compare: {
    mutate: 'src/compare/**/*.ts',
    tests: ['test/compare/!(reference-regression).test.ts'],
    slowTests: ['test/compare/reference-regression.test.ts'],
  },
  kit: {
    mutate: 'contracts/kit/**/*.ts',
    tests: ['test/contract/**/*.test.ts', 'test/verify/kit.test.ts'],
    slowTests: ['test/verify/fault-detection.test.ts'],
  },
  secrets: { mutate: 'src/secrets/**/*.ts', tests: ['test/secrets/**/*.test.ts'] },
  verify: {
    mutate: 'src/verify/**/*.ts',
    tests: [
      'test/verify/{build-result,streaming,acceptance-rules,console-table,detection-table-print,junit-document,stream-console}.test.ts',
    ],
    slowTests: [
      'test/verify/!(build-result|streaming|acceptance-rules|console-table|detection-table-print|junit-document|stream-console).test.ts',
    ],
  },
  load: {
    mutate: 'src/load/**/*.ts',
    tests: ['test/load/!(run-load|rate-cap|raw-output-tags|thresholds-both-engines|credit-budget).test.ts'],
    slowTests: [
      'test/load/{run-load,rate-cap,raw-output-tags,thresholds-both-engines,credit-budget}.test.ts',
    ],
  },
};
