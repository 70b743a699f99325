import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference } from '../../reference/index.js';

/**
 * Issue 6: the full main job (`harness run`) with canary keys — the reference is started with
 * them, the harness reads them from the environment only — and then every file under the run
 * folder (gzipped ones unpacked), every file name, all console output, and the command line of
 * every process alive during the run are searched for each canary (and its base64 form): zero hits.
 */
const tag = randomBytes(6).toString('hex');
const CANARIES = {
  full: `CANARY-full-${tag}`,
  noPermission: `CANARY-noperm-${tag}`,
  noCredits: `CANARY-nocred-${tag}`,
};

type Reference = Awaited<ReturnType<typeof startReference>>;
let ref: Reference;
let dir: string;
beforeAll(async () => {
  ref = await startReference({ port: 0, timeScale: 0.02, seed: 66, keys: CANARIES });
  dir = mkdtempSync(join(tmpdir(), 'harness-canary-'));
});
afterAll(async () => {
  await ref.close();
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

function contents(file: string): string {
  const raw = readFileSync(file);
  // gzip magic: unpack so a key cannot hide in compressed samples.
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return bytes.toString('utf8');
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}

function needles(): string[] {
  return Object.values(CANARIES).flatMap((k) => [
    k,
    Buffer.from(k).toString('base64'),
    encodeURIComponent(k),
  ]);
}

describe('no key leaks from the main job', () => {
  it('harness run with canary keys: zero hits in every produced file, file name and console line', async () => {
    const profileFile = join(dir, 'canary-target.json');
    writeFileSync(profileFile, JSON.stringify({ ...ref.profile(), name: 'canary' }));
    const reportsDir = join(dir, 'reports');
    const env = { ...process.env, ...ref.keyEnv(), HARNESS_REPORTS_DIR: reportsDir };
    const child = spawn(
      process.execPath,
      [
        'bin/harness.mjs',
        'run',
        '--target',
        profileFile,
        '--profile',
        'smoke',
        '--engine',
        'local',
        '--seed',
        '6',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // While it runs, watch every process's command line (the engine child included): keys travel in env only.
    const argvHits = new Set<string>();
    const watch = setInterval(() => {
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        const cmdline = commandLine(pid);
        for (const needle of needles()) if (cmdline.includes(needle)) argvHits.add(`pid ${pid} argv`);
      }
    }, 150);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearInterval(watch);

    const files = filesUnder(reportsDir);
    const masked = needles().reduce((text, needle) => text.split(needle).join('<CANARY>'), output);
    console.log(
      `[secrets] harness run exited ${String(code)}; ${files.length} files under the run folder:\n  ${files.map((f) => `${relative(reportsDir, f)} (${statSync(f).size} B)`).join('\n  ')}\n--- console (last 20 lines, canaries masked) ---\n${masked.split('\n').slice(-20).join('\n')}`,
    );
    // The job ran far enough to write its results; otherwise "zero hits" would prove nothing.
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.endsWith('.gz'))).toBe(true);
    // The canary key was really used: checks that need a valid key passed against the reference.
    const verifyJson = files.find((f) => f.endsWith('verify.json'));
    expect(verifyJson).toBeDefined();
    const checks = (
      JSON.parse(readFileSync(verifyJson ?? '', 'utf8')) as { checks: { id: string; outcome: string }[] }
    ).checks;
    expect(checks.find((c) => c.id === 'execute-success')?.outcome).toBe('passed');

    const hits: string[] = [...argvHits];
    for (const needle of needles()) {
      if (output.includes(needle)) hits.push(`console output contains ${needle.slice(0, 12)}…`);
      for (const file of files) {
        if (relative(reportsDir, file).includes(needle)) hits.push(`file name ${relative(reportsDir, file)}`);
        if (contents(file).includes(needle))
          hits.push(`${relative(reportsDir, file)} contains ${needle.slice(0, 12)}…`);
      }
    }
    expect(hits).toEqual([]);
  }, 300_000);
});
