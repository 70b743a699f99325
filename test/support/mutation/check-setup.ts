import { afterAll, beforeAll } from 'vitest';
import { ENV, strykerNamespace, writeHits } from './coverage-files.js';

/**
 * `npm run mutation` only: the setup file of `harness verify`'s inner vitest (passed by
 * src/verify/check-runner.ts when HARNESS_MUTATION_CHECK_SETUP is set). Its worker threads keep
 * their globals across check files, so the mutant is set from the environment the outer test
 * gave them, and the hits the contract kit counted go back to that test through the folder.
 */
const ns = strykerNamespace();
const activate = (): void => {
  ns.activeMutant = process.env[ENV.activeMutant];
};
activate();
beforeAll(activate);
afterAll(() => {
  const dir = process.env[ENV.coverageDir];
  if (dir !== undefined) writeHits(ns, dir);
});
