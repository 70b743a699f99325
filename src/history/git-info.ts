import { execFileSync } from 'node:child_process';

/** The commit the harness runs from (CI's GITHUB_SHA first); undefined outside a git checkout. */
export function gitCommit(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GITHUB_SHA !== undefined && env.GITHUB_SHA !== '') return env.GITHUB_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
  } catch {
    return undefined;
  }
}
