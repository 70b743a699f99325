import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by .ci/run: every tool below was installed, so a missing one is a failure, never a skip. */
export const TOOLS_REQUIRED = process.env.HARNESS_REQUIRE_TOOLS === '1';

export interface RequiredTool {
  /** The executable's path, when found. */
  readonly path: string | undefined;
  /** Why the test is skipped (with the install command), or false when it runs. */
  readonly skip: string | false;
  /** The path, or an error naming the install command (the test then fails, as in CI). */
  need(): string;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

function goBin(name: string): string | undefined {
  try {
    const gopath = execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8', timeout: 10_000 }).trim();
    return existsSync(join(gopath, 'bin', name)) ? join(gopath, 'bin', name) : undefined;
  } catch {
    return undefined;
  }
}

function tool(what: string, path: string | undefined, install: string): RequiredTool {
  const reason = `${what} not found; install it with: ${install}`;
  return {
    path,
    skip: path === undefined && !TOOLS_REQUIRED ? reason : false,
    need() {
      if (path === undefined) throw new Error(`${reason} (HARNESS_REQUIRE_TOOLS=1: .ci/run installs it)`);
      return path;
    },
  };
}

/** Debian's Chromium (the report tests drive it through playwright-core). */
export function chromiumTool(): RequiredTool {
  const bin = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
  return tool(
    `Chromium (${bin})`,
    existsSync(bin) ? bin : undefined,
    'apt-get install chromium (Debian), or set CHROMIUM_BIN',
  );
}

export const ACTIONLINT_VERSION = 'v1.7.12';

/** actionlint, a Go module: on PATH or in `go env GOPATH`/bin where `go install` puts it. */
export function actionlintTool(): RequiredTool {
  return tool(
    'actionlint',
    onPath('actionlint') ?? goBin('actionlint'),
    `go install github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}`,
  );
}

/** A test title that says why it is skipped, so the skip shows in every reporter. */
export function titled(title: string, t: RequiredTool): string {
  return t.skip === false ? title : `${title} — SKIPPED: ${t.skip}`;
}

export const SCHEMATHESIS_VERSION = '4.32.5';

/** Schemathesis (PyPI), in the project's virtual environment .venv/ where .ci/run installs it. */
export function schemathesisTool(): RequiredTool {
  const bin = fileURLToPath(new URL('../../.venv/bin/schemathesis', import.meta.url));
  return tool(
    `Schemathesis (${bin})`,
    existsSync(bin) ? bin : undefined,
    `python3 -m venv .venv && .venv/bin/pip install schemathesis==${SCHEMATHESIS_VERSION}`,
  );
}
