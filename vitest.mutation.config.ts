import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run mutation` only (stryker.config.mjs): the repository's config plus the setup that carries
// Stryker's active mutant, and the coverage it gets back, across the processes and the second
// vitest the tests start. Stryker prepends its own setup file and sets the pool itself.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      setupFiles: ['./test/support/mutation/mutant-env.ts'],
      // The closing-line reporter prints per run; Stryker reads results from vitest itself.
      reporters: ['default'],
    },
  }),
);
