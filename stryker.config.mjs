// Mutation testing of the code that decides pass or fail (issue 15): `npm run mutation`.
// Not part of `npm test` (a full run takes hours on two cores); docs/mutation.md has the last scores.
//
//   npm run mutation                                   # every module, one after another (scripts/mutation.ts)
//   npm run mutation -- --module secrets               # one module with its own tests
//   npm run mutation:changed                           # --incremental: only mutants whose code or tests changed
// `npx stryker run` alone mutates everything below against the whole suite (hours).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {
    // The repository's config plus the setup that hands the active mutant (and the coverage it
    // gets back) to what the tests start: `harness verify`'s inner vitest and spawned CLIs.
    configFile: 'vitest.mutation.config.ts',
    // scripts/mutation.ts names each module's test files: vitest's `related` would drop the ones that
    // reach the code only through a second vitest or a spawned CLI (the contract kit, most of verify).
    related: false,
  },
  mutate: [
    'src/engine/metrics/**/*.ts',
    'src/engine/local/executors/**/*.ts',
    'src/compare/**/*.ts',
    'contracts/kit/**/*.ts',
    'src/secrets/**/*.ts',
    'src/verify/**/*.ts',
    'src/load/**/*.ts',
  ],
  // Each mutant runs only the tests that executed its code in the dry run.
  coverageAnalysis: 'perTest',
  // Six people share two cores: one sandbox at a time unless told otherwise (--concurrency 2).
  concurrency: 1,
  // Spawned CLIs and the reference server make single tests slow; a mutant that loops still stops.
  timeoutMS: 30_000,
  timeoutFactor: 2,
  // The TypeScript checker would double the run time; a mutant that does not compile fails its tests anyway.
  checkers: [],
  ignorePatterns: ['dist', 'reports', '.harness', '.venv', '.stryker-tmp'],
  // Gitignored (reports/*): each clone keeps its own, `--incremental` reuses it (per module, see scripts/mutation.ts).
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // The dry run is a module's test files once, with coverage; the whole suite when run without scripts/mutation.ts.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
