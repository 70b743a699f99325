import type { ResolvedTarget } from '../../src/target/index.js';
import { type CheckRunner, runVerify, type VerifyResult } from '../../src/verify/index.js';

/** Verifies `target` with an open CheckRunner (nothing written), then stops the target. */
export async function verifyWith(
  runner: CheckRunner,
  target: ResolvedTarget,
  seed: number,
): Promise<VerifyResult> {
  try {
    return await runVerify({ timeScale: 0.02, faults: [], seed, reportsDir: 'reports' }, target, {
      runner,
      write: false,
    });
  } finally {
    await target.stop();
  }
}

/** One check's result by id; throws when the run has no such check. */
export const checkOf = (result: VerifyResult, id: string): VerifyResult['checks'][number] => {
  const found = result.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
};
