import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ContractValidator } from '../../src/contract/index.js';

/** `harness verify` end to end, in process: exit codes, console table, files. */
describe('harness verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk: string | Uint8Array) => ((out += String(chunk)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk: string | Uint8Array) => ((err += String(chunk)), true),
    );
    const code = await main(['verify', ...args]);
    vi.restoreAllMocks();
    return { code, out, err };
  }

  /** A run against the embedded reference with its mistyped-field fault on, seed 9. */
  const runFaulty = (...args: string[]) =>
    run(['--reports-dir', dir, '--seed', '9', '--fault', 'mistyped-field', ...args]);

  it('with no target verifies the embedded reference: exit 0, a table, verify.json and JUnit', async () => {
    const started = Date.now();
    const { code, out } = await run(['--reports-dir', dir, '--seed', '9', '--time-scale', '0.02']);
    const wallMs = Date.now() - started;
    expect(out).toMatch(/OK: \d+ passed, 0 failed, 0 skipped/);
    expect(code).toBe(0);
    const runId = /^run (\S+), seed 9/m.exec(out)?.[1];
    expect(runId).toBeDefined();
    const json = JSON.parse(readFileSync(join(dir, String(runId), 'verify.json'), 'utf8')) as {
      seed: number;
      target: { embedded: boolean };
    };
    expect(new ContractValidator().validate('verify-result.schema.json', json).errors).toEqual([]);
    expect(json).toMatchObject({ seed: 9, target: { embedded: true } });
    expect(readFileSync(join(dir, 'latest', 'verify.junit.xml'), 'utf8')).toContain(
      '<testsuites name="harness verify"',
    );
    // The speed target is measured by the CLI run in the closing note; this only guards against a hang.
    expect(wallMs).toBeLessThan(60_000);
  }, 90_000);

  it('exits 1 when a fault is enabled, naming the violated contract (--ci: one JSON object per line)', async () => {
    const { code, out } = await runFaulty('--ci');
    expect(code).toBe(1);
    const events = out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) =>
          JSON.parse(l) as {
            event: string;
            id?: string;
            failures?: { message: string }[];
            failedChecks?: string[];
          },
      );
    expect(events[0]).toMatchObject({ event: 'start', seed: 9 });
    expect(events.at(-1)).toMatchObject({ event: 'summary', ok: false });
    expect(events.at(-1)?.failedChecks).toContain('execute-success');
    const checks = events.filter((e) => e.event === 'check');
    expect(checks.length).toBeGreaterThanOrEqual(15);
    expect(checks.find((e) => e.id === 'execute-success')?.failures?.map((f) => f.message)).toContain(
      'executeWorkflow /creditUsage: Received: "10" / Documented: type number',
    );
  }, 90_000);

  it('--check <id> --seed <n> reruns only that check, with its failure and reproducer', async () => {
    const { code, out } = await runFaulty('--check', 'execute-success');
    expect(code).toBe(1);
    expect(out).toMatch(/^run \S+, seed 9/m);
    expect(out.match(/^(PASS|FAIL|SKIP) /gm)).toEqual(['FAIL ']);
    expect(out).toContain('FAIL  execute-success');
    expect(out).toMatch(/reproduce: curl .*"x-api-key: \$HARNESS_API_KEY"/);
    expect(out).toContain('FAILED: 0 passed, 1 failed, 0 skipped');
  }, 90_000);

  it('--har <file> writes the HAR file (its folder created) and says so with the caps on the console', async () => {
    const file = join(dir, 'har', 'run.har');
    const { code, out } = await run([
      '--reports-dir',
      dir,
      '--time-scale',
      '0.02',
      '--check',
      'auth-missing-key',
      '--har',
      file,
    ]);
    expect(code).toBe(0);
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(3);
    expect(out).toContain(`har: ${file} (3 entries, `);
    expect(out).toMatch(/caps: 2000 entries, 65536 bytes per body; 3 exchanges seen, nothing cut/);
    const refused = await run(['--detection-table', '--har', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('HARNESS_ERR_USAGE');
  }, 90_000);

  it('--check with an unknown id is a usage error naming the known ids', async () => {
    const { code, err } = await run(['--check', 'no-such-check', '--reports-dir', dir]);
    expect(code).toBe(2);
    expect(err).toContain('HARNESS_ERR_USAGE');
    expect(err).toContain('execute-success');
  }, 90_000);

  it('an unknown target exits 2 with HARNESS_ERR_TARGET_UNKNOWN and a hint, before any check', async () => {
    const { code, err, out } = await run(['--target', 'no-such-target', '--reports-dir', dir]);
    expect(code).toBe(2);
    expect(err).toContain('HARNESS_ERR_TARGET_UNKNOWN');
    expect(err).toContain('hint:');
    expect(out).toBe('');
  });

  it('a bad --seed is a usage error', async () => {
    const { code, err } = await run(['--seed', 'abc']);
    expect(code).toBe(2);
    expect(err).toContain('HARNESS_ERR_USAGE');
  });
});
