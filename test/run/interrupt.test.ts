import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../fixtures/run-cli.js';

interface Interrupted {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `harness run` in its own process group (as a shell starts it), interrupted when its output
 * matches `ready`: SIGINT to the whole group (a terminal's Ctrl-C) or SIGTERM to the harness
 * alone (a CI runner or `kill`). Bounded: the group is SIGKILLed after `boundMs`.
 */
function interruptWhen(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  signal: 'SIGINT' | 'SIGTERM',
  boundMs = 300_000,
): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/harness.mjs', ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const onOutput = (): void => {
      if (sent || !ready.test(stdout)) return;
      sent = true;
      process.kill(signal === 'SIGINT' ? -child.pid! : child.pid!, signal);
    };
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      onOutput();
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    const bound = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`harness ${args.join(' ')} still running after ${boundMs} ms\n${stdout}\n${stderr}`));
    }, boundMs);
    child.on('close', (code) => {
      clearTimeout(bound);
      if (!sent) reject(new Error(`harness ended before ${String(ready)}:\n${stdout}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

describe('harness run stopped by a signal', () => {
  let reports: string;
  let tmp: string;
  beforeEach(() => {
    reports = mkdtempSync(join(tmpdir(), 'harness-interrupt-'));
    // The run's own temp folder, so "no harness-load-* left behind" is checked exactly.
    tmp = mkdtempSync(join(tmpdir(), 'harness-interrupt-tmp-'));
  });
  afterEach(() => {
    rmSync(reports, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });

  const runFolders = (): string[] => readdirSync(reports).filter((f) => /^\d{8}-/.test(f));
  const manifestOf = (id: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(reports, id, 'run.json'), 'utf8')) as Record<string, unknown>;

  it('SIGTERM mid-verify (--ci): exit 143, one JSON line saying so, run recorded interrupted, latest not moved, no temp files', async () => {
    const res = await interruptWhen(
      ['run', '--ci', '--seed', '3', '--engine', 'local', '--reports-dir', reports],
      { TMPDIR: tmp },
      /"phase":"verify"/,
      'SIGTERM',
    );
    expect(res.code, res.stderr).toBe(143);
    // --ci: the one line is a JSON event like every other.
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      event: 'interrupted',
      signal: 'SIGTERM',
      phase: 'verify',
      recorded: true,
      exitCode: 143,
      report: expect.stringMatching(/index\.html$/) as unknown,
    });
    const [id] = runFolders();
    expect(manifestOf(id)).toMatchObject({
      status: 'interrupted',
      interruption: { signal: 'SIGTERM', phase: 'verify' },
      exitCode: 143,
    });
    expect(readFileSync(join(reports, id, 'index.html'), 'utf8')).toMatch(
      /INTERRUPTED by SIGTERM during verify: partial results, not a verdict/,
    );
    // Nothing was measured: latest does not point at it, and the abandoned checks wrote nothing.
    expect(existsSync(join(reports, 'latest'))).toBe(false);
    expect(existsSync(join(reports, id, 'verify.json'))).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.startsWith('harness-load-'))).toEqual([]);
  }, 400_000);

  // k6 only where it is installed (K6_BIN): CI has none, the local engine behaves the same way.
  const noK6 = (process.env.K6_BIN ?? '') === '';
  for (const engine of ['local', 'k6'] as const)
    it.skipIf(engine === 'k6' && noK6)(
      `Ctrl-C (SIGINT to the process group) mid-load, ${engine} engine: the engine stops gracefully, the partial results are reported as interrupted, exit 130${engine === 'k6' && noK6 ? ' — SKIPPED: K6_BIN not set' : ''}`,
      async () => {
        const res = await interruptWhen(
          ['run', '--seed', '4', '--engine', engine, '--reports-dir', reports],
          { TMPDIR: tmp },
          // The engine's own progress line: the load is running.
          /running \(\d+m\d+(\.\d+)?s[)/]/,
          'SIGINT',
        );
        expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(130);
        expect(res.stderr).toMatch(
          /^harness run: SIGINT received during load; run recorded as interrupted, report: .*index\.html \(exit 130\)$/m,
        );
        expect(res.stdout).not.toMatch(/^(PASS|FAIL)/m);
        expect(res.stdout).toMatch(
          /^INTERRUPTED \(SIGINT during load\): partial results, not a verdict · report: /m,
        );
        const [id] = runFolders();
        expect(readlinkSync(join(reports, 'latest'))).toBe(id);
        expect(manifestOf(id)).toMatchObject({
          status: 'interrupted',
          interruption: { signal: 'SIGINT', phase: 'load' },
        });
        // What was measured is kept: verify ran to its end, the engine flushed its summary and samples.
        for (const f of ['verify.json', 'load-run.json', 'load-summary.json', 'samples.json.gz'])
          expect(existsSync(join(reports, id, f)), f).toBe(true);
        expect(JSON.parse(readFileSync(join(reports, id, 'load-run.json'), 'utf8'))).toMatchObject({
          exitCode: 105,
        });
        expect(readdirSync(tmp).filter((f) => f.startsWith('harness-load-'))).toEqual([]);

        // The rest of the CLI treats it as incomplete, never as a pass.
        const report = await runCli(['report', '--reports-dir', reports], {});
        expect(report.code).toBe(0);
        expect(report.stdout).toMatch(
          /index\.html {2}\(interrupted by SIGINT during load: not a verdict\)\n$/,
        );
        expect(readFileSync(join(reports, id, 'index.html'), 'utf8')).toMatch(
          /INTERRUPTED by SIGINT during load/,
        );
        const save = await runCli(['baseline', 'save', '--reports-dir', reports], {});
        expect(save.code).toBe(2);
        expect(save.stderr).toMatch(
          /HARNESS_ERR_BASELINE_REFUSED: run \S+ cannot be a baseline: it is interrupted/,
        );
      },
      500_000,
    );

  it('Ctrl-C mid-load of `harness load` alone: the engine stops gracefully, exit 130 with one line, results kept, no temp files', async () => {
    const res = await interruptWhen(
      ['load', '--scenario', 'mixed', '--seed', '5', '--engine', 'local', '--reports-dir', reports],
      { TMPDIR: tmp },
      /running \(\d+m\d+(\.\d+)?s[)/]/,
      'SIGINT',
    );
    expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(130);
    expect(res.stderr).toMatch(
      /^harness load: SIGINT received; the engine stopped gracefully, partial results in \S+ \(interrupted: not a verdict\)$/m,
    );
    const [id] = runFolders();
    // The local engine stops like k6 on a signal (exit 105) and still writes its summary and samples.
    expect(JSON.parse(readFileSync(join(reports, id, 'load-run.json'), 'utf8'))).toMatchObject({
      exitCode: 105,
    });
    for (const f of ['load-summary.json', 'samples.json.gz'])
      expect(existsSync(join(reports, id, f)), f).toBe(true);
    expect(readdirSync(tmp).filter((f) => f.startsWith('harness-load-'))).toEqual([]);
  }, 300_000);

  for (const [signal, ci, code] of [
    ['SIGINT', false, 130],
    ['SIGTERM', true, 143],
  ] as const)
    it(`${signal} mid-check of \`harness verify\` alone${ci ? ' (--ci)' : ''}: exit ${code} with one line saying so, no verify.json, no verdict`, async () => {
      const res = await interruptWhen(
        ['verify', ...(ci ? ['--ci'] : []), '--seed', '6', '--reports-dir', reports],
        { TMPDIR: tmp },
        // The first check has finished: the rest are still running.
        ci ? /"event":"check"/ : /^(PASS|FAIL|SKIP|ACPT) /m,
        signal,
      );
      expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(code);
      const lines = res.stderr.trim().split('\n');
      if (ci)
        expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
          { event: 'interrupted', signal, exitCode: code },
        ]);
      else
        expect(lines).toContain(
          `harness verify: ${signal} received before every check had finished; nothing written (interrupted: not a verdict)`,
        );
      expect(res.stdout).not.toMatch(/"event":"summary"|^reports: /m);
      for (const id of runFolders()) expect(existsSync(join(reports, id, 'verify.json'))).toBe(false);
    }, 300_000);
});
