import { HarnessError } from '../../src/errors/index.js';

/** The HarnessError `run` throws; any other error is rethrown, and no error at all fails the test. */
export function refusal(run: () => unknown): HarnessError {
  try {
    run();
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error('accepted');
}
