import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/index.js';
import { REPO } from '../fixtures/run-cli.js';
import { readFirstJob, type WorkflowJob, type WorkflowStep } from './workflow-steps.js';

type Outcome = 'success' | 'failure' | 'skipped';
interface StepResult {
  readonly step: WorkflowStep;
  readonly outcome: Outcome;
  readonly out: string;
}

const KEY = 'nightly-rehearsal-key-7c1d9e';
const CACHED = ['history.sqlite', 'baselines'];

/** GitHub's step conditions as the nightly uses them; anything else fails the test. */
function shouldRun(condition: string | undefined, jobFailed: boolean, saveBaseline: boolean): boolean {
  if (condition === undefined) return !jobFailed;
  if (condition === '${{ !cancelled() }}') return true;
  if (condition === '${{ !cancelled() && inputs.save_baseline }}') return saveBaseline;
  throw new Error(`the rehearsal does not know the condition ${condition}`);
}

function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  // `npx harness` is this checkout's bin (what npx resolves in CI), without npx's start-up cost.
  const prelude = `npx() { if [ "$1" = harness ]; then shift; node "${REPO}bin/harness.mjs" "$@"; else command npx "$@"; fi; }\n`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', prelude + script], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const bound = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`step did not finish within 300 s: ${script}\n${out}`));
    }, 300_000);
    child.on('close', (code) => {
      clearTimeout(bound);
      resolve({ code, out });
    });
  });
}

/**
 * One night of .github/workflows/nightly.yml, run locally: a fresh checkout (empty reports/),
 * the cache restored and saved as actions/cache would, each `run:` step in order under its
 * `if:`. Only the settings CI would size differently are overridden: the smoke profile, the
 * local engine, and the reports folder of this night's checkout.
 */
async function night(job: WorkflowJob, cache: string, target: string): Promise<StepResult[]> {
  const reports = join(mkdtempSync(join(tmpdir(), 'harness-night-')), 'reports');
  const secrets: Record<string, string> = { HARNESS_API_KEY: KEY, HARNESS_TARGET: target };
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  // The repository variable the README asks for: a night's budget above what smoke spends.
  const vars: Record<string, string> = { HARNESS_MAX_CREDITS: 'unlimited' };
  for (const [k, v] of Object.entries(job.env))
    env[k] = v
      .replace(/\$\{\{ secrets\.(\w+) \}\}/g, (_m, name: string) => secrets[name] ?? '')
      .replace(/\$\{\{ vars\.(\w+) \}\}/g, (_m, name: string) => vars[name] ?? '');
  Object.assign(env, { HARNESS_PROFILE: 'smoke', HARNESS_ENGINE: 'local', HARNESS_REPORTS_DIR: reports });
  const results: StepResult[] = [];
  let jobFailed = false;
  for (const step of job.steps) {
    if (!shouldRun(step.if, jobFailed, false)) {
      results.push({ step, outcome: 'skipped', out: '' });
      continue;
    }
    let outcome: Outcome = 'success';
    let out = '';
    if (step.uses?.startsWith('actions/cache/restore@') === true) {
      mkdirSync(reports, { recursive: true });
      for (const p of CACHED)
        if (existsSync(join(cache, p))) cpSync(join(cache, p), join(reports, p), { recursive: true });
    } else if (step.uses?.startsWith('actions/cache/save@') === true) {
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
      for (const p of CACHED)
        if (existsSync(join(reports, p))) cpSync(join(reports, p), join(cache, p), { recursive: true });
    } else if (step.run !== undefined && !step.run.startsWith('npm ci')) {
      // npm ci is the one step not repeated: this checkout's node_modules is already installed.
      const res = await bash(step.run, env);
      outcome = res.code === 0 ? 'success' : 'failure';
      out = res.out;
    }
    if (outcome === 'failure') jobFailed = true;
    results.push({ step, outcome, out });
  }
  rmSync(join(reports, '..'), { recursive: true, force: true });
  return results;
}

const byCommand = (results: readonly StepResult[], prefix: string): StepResult => {
  const found = results.find((r) => r.step.run?.startsWith(prefix) === true);
  if (found === undefined) throw new Error(`no step runs ${prefix}`);
  return found;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('nightly.yml rehearsed over three nights (down, healthy, regressed)', () => {
  let job: WorkflowJob;
  let cache: string;
  let port: number;
  const refs: RunningReference[] = [];
  beforeAll(async () => {
    job = readFirstJob(readFileSync(join(REPO, '.github/workflows/nightly.yml'), 'utf8'));
    cache = mkdtempSync(join(tmpdir(), 'harness-nightly-cache-'));
    port = await freePort();
  });
  afterAll(async () => {
    await Promise.all(refs.map((r) => r.close()));
    rmSync(cache, { recursive: true, force: true });
  });

  const reference = async (extraLatencyMs: number): Promise<void> => {
    await Promise.all(refs.splice(0).map((r) => r.close()));
    refs.push(await startReference({ port, timeScale: 0.02, seed: 11, keys: { full: KEY }, extraLatencyMs }));
  };

  it('fails the down night without a baseline, saves the first healthy night, and fails the regressed night keeping the baseline', async () => {
    const target = `http://127.0.0.1:${port}`;

    // Night 1: nothing listens on the port.
    const down = await night(job, cache, target);
    const run1 = byCommand(down, 'npx harness run');
    expect(run1.outcome).toBe('failure');
    expect(run1.out).toMatch(/"event":"error","code":"HARNESS_ERR_TARGET_UNREACHABLE"/);
    expect(byCommand(down, 'npx harness baseline save latest --if-none').out).toMatch(
      /baseline not saved: no run with results/,
    );
    expect(existsSync(join(cache, 'baselines'))).toBe(false);

    // Night 2: the deployment is back and healthy: it passes and becomes the series' baseline.
    await reference(0);
    const healthy = await night(job, cache, target);
    expect(
      healthy.map((r) => r.outcome),
      healthy.map((r) => r.out).join('\n'),
    ).not.toContain('failure');
    expect(byCommand(healthy, 'npx harness compare').out).toMatch(
      /no baseline yet for target=url-127\.0\.0\.1-\d+ profile=smoke/,
    );
    const saved = /baseline saved \(first of its series\): (\S+)/.exec(
      byCommand(healthy, 'npx harness baseline save latest --if-none').out,
    );
    expect(saved).not.toBeNull();

    // Night 3: every execution 150 ms slower: compare fails the night; the baseline is kept.
    await reference(150);
    const regressed = await night(job, cache, target);
    expect(byCommand(regressed, 'npx harness run').outcome).toBe('success');
    const compare = byCommand(regressed, 'npx harness compare');
    expect(compare.outcome, compare.out).toBe('failure');
    expect(compare.out).toMatch(/executeWorkflow \(fast\)\s.*REGRESSION/);
    expect(byCommand(regressed, 'npx harness baseline save latest --if-none').out).toContain(
      `baseline kept: ${saved?.[1]}`,
    );
    // Steps that must always run did: the cache was saved on every night.
    for (const n of [down, healthy, regressed])
      expect(n.find((r) => r.step.uses?.startsWith('actions/cache/save@') === true)?.outcome).toBe('success');

    // The cached history tells the three nights apart.
    const history = await bash(`npx harness history --json`, {
      ...process.env,
      HARNESS_REPORTS_DIR: cache,
    });
    const statuses = (JSON.parse(history.out) as { status: string }[]).map((r) => r.status);
    expect(statuses).toEqual(['complete', 'complete', 'failed-to-start']);
  }, 900_000);
});
