import { defineConfig } from 'vitest/config';

// Harness tests live beside their area in test/; contract suites in contracts/ are run by
// `harness verify` against a chosen target, not by this config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep test files from starving the servers they start.
    maxWorkers: 2,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    setupFiles: ['./test/support/neutral-env.ts'],
    // The spawned bins run the compiled CLI: build it for the sources as they are now.
    globalSetup: ['./test/support/build-cli.ts'],
  },
});
