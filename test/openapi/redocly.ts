import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../fixtures/run-cli.js';

/** One problem Redocly reports (its `--format=json` output), with where it points. */
export interface LintProblem {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly pointer: string;
}

const BIN = join(REPO, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

/**
 * `redocly lint` with the repository's redocly.yaml, bounded in time. Telemetry and the update
 * check are off: they are its only network use, and the tests talk to loopback only.
 */
export function redoclyLint(file: string): Promise<LintProblem[]> {
  const args = [BIN, 'lint', file, '--config', join(REPO, 'redocly.yaml'), '--format=json'];
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO, env, timeout: 60_000 }, (error, stdout, stderr) => {
      // Exit code 1 means "problems found", which the JSON lists; anything else is a failed run.
      if (error !== null && (error.code !== 1 || stdout.trim() === '')) {
        reject(new Error(`redocly lint ${file} failed: ${error.message}\n${stderr}`));
        return;
      }
      const report = JSON.parse(stdout) as {
        problems: Array<{
          ruleId: string;
          severity: string;
          message: string;
          location: Array<{ pointer?: string }>;
        }>;
      };
      resolve(
        report.problems.map((p) => ({
          ruleId: p.ruleId,
          severity: p.severity,
          message: p.message,
          pointer: p.location[0]?.pointer ?? '',
        })),
      );
    });
  });
}
