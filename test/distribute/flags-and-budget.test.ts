import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DistributeFlags, resolveDistributeFlags } from '../../src/distribute/index.js';
import { bareUrlProfile } from '../../src/target/index.js';
import { runCli } from '../fixtures/run-cli.js';
import { CLUSTER_TARGET, distributed, distributeOptions } from './fixture.js';

const config = { target: CLUSTER_TARGET, loadProfile: 'smoke', maxCredits: 'unlimited' } as const;
const resolveWith = (flags: DistributeFlags, target: string | undefined = CLUSTER_TARGET) =>
  // A missing target arrives as the string 'none' (a default parameter would swallow undefined).

  resolveDistributeFlags(flags, { ...config, target: target === 'none' ? undefined : target }, '/tmp');

const out = mkdtempSync(join(tmpdir(), 'distribute-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('harness distribute: flags', () => {
  it.each([
    [{}, '--parallelism is required'],
    [{ parallelism: '0' }, '--parallelism "0" is not a whole number'],
    [{ parallelism: '-2' }, 'not a whole number'],
    [{ parallelism: '1.5' }, 'not a whole number'],
    [{ parallelism: 'four' }, 'not a whole number'],
    [{ parallelism: '2147483648' }, 'not a whole number from 1 to 2147483647'],
    [{ parallelism: '2', name: 'Harness_Load' }, '--name "Harness_Load" is not a Kubernetes DNS-1123 label'],
    [{ parallelism: '2', name: 'a'.repeat(41) }, 'of at most 40 characters'],
    [{ parallelism: '2', namespace: 'load.test' }, '--namespace'],
    [{ parallelism: '2', secret: 'API KEY' }, '--secret'],
    [{ parallelism: '2', secretKey: 'api key' }, '--secret-key "api key"'],
    [{ parallelism: '2', resultsClaim: '-claim' }, '--results-claim'],
  ] as [DistributeFlags, string][])('%j → HARNESS_ERR_DISTRIBUTE_INVALID', (flags, message) => {
    expect(() => resolveWith(flags)).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_DISTRIBUTE_INVALID',
        message: expect.stringContaining(message) as unknown,
      }),
    );
  });

  it('no target, or a loopback one, is refused: no runner pod reaches this machine', () => {
    for (const target of [
      'none',
      'http://127.0.0.1:8080',
      'http://localhost:3000',
      'http://[::1]:80',
      'example-staging',
    ])
      expect(() => resolveWith({ parallelism: '2' }, target), String(target)).toThrow(
        expect.objectContaining({ code: 'HARNESS_ERR_DISTRIBUTE_INVALID' }),
      );
  });

  it('defaults: TestRun harness-<scenario>, Secret harness-api-key under the profile’s key variable, claim harness-results', () => {
    expect(resolveWith({ parallelism: ' 3 ', scenario: 'mixed' })).toMatchObject({
      parallelism: 3,
      name: 'harness-mixed',
      secret: { name: 'harness-api-key', key: 'HARNESS_API_KEY' },
      resultsClaim: 'harness-results',
      outDir: '/tmp/k6-operator-harness-mixed',
    });
  });

  it('through the CLI: exit 2 with the code and a hint; a good command writes the three files', async () => {
    const bad = await runCli(
      ['distribute', '--parallelism', '0', '--target', CLUSTER_TARGET, '--out', out],
      {},
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^HARNESS_ERR_DISTRIBUTE_INVALID: --parallelism "0".*\n {2}hint: /);
    const unknown = await runCli(
      ['distribute', '--parallelism', '2', '--target', CLUSTER_TARGET, '--scenario', 'nope', '--out', out],
      {},
    );
    expect(unknown.stderr).toContain('HARNESS_ERR_SCENARIO_UNKNOWN');
    expect(existsSync(join(out, 'testrun.yaml'))).toBe(false);
    const good = await runCli(
      [
        'distribute',
        '--parallelism',
        '2',
        '--target',
        CLUSTER_TARGET,
        '--scenario',
        'sync-latency',
        '--out',
        out,
      ],
      {},
    );
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('runner 2 runs: k6 run --quiet --execution-segment=1/2:1');
    expect(good.stdout).toContain(`harness merge --max-credits 10000 ./harness-sync-latency-`);
    for (const f of ['configmap.yaml', 'testrun.yaml', 'collect/results-reader.yaml'])
      expect(existsSync(join(out, f)), f).toBe(true);
  });
});

describe('harness distribute: the credit budget covers the whole distributed test', () => {
  // 10 credits per execution; smoke sync-latency plans 30 executions: 300 credits in all.
  const profile = bareUrlProfile(CLUSTER_TARGET, {});
  profile.workflows.fast = { ...profile.workflows.fast, creditsPerExecution: 10 };

  it('an estimate over the budget is refused before anything is written', async () => {
    const options = distributeOptions({
      profile,
      config: { loadProfile: 'smoke', maxCredits: 299 },
      parallelism: 3,
    });
    await expect(
      import('../../src/distribute/index.js').then((m) => m.distribute(options)),
    ).rejects.toMatchObject({
      code: 'HARNESS_ERR_CREDIT_BUDGET_EXCEEDED',
      message: expect.stringContaining('estimated at 300 credits, over the budget of 299') as unknown,
    });
    expect(existsSync(join(options.outDir, 'testrun.yaml'))).toBe(false);
  });

  it('within the budget: the plan is printed, and each runner stops at its share ⌊budget / N⌋', async () => {
    const d = await distributed({
      profile,
      config: { loadProfile: 'smoke', maxCredits: 300 },
      parallelism: 3,
    });
    expect(d.lines.join('\n')).toMatch(/sync-latency +3 s +10 iterations\/s \(≤ 20 VUs\) +30 +300/);
    expect(d.lines.join('\n')).toContain('Each runner stops at 100 credits (its share of the budget)');
    const env = d.testRun.spec.runner.env;
    expect(env.find((e) => e.name === 'HARNESS_MAX_CREDITS')?.value).toBe('100');
    const unlimited = await distributed({
      profile,
      config: { loadProfile: 'smoke', maxCredits: 'unlimited' },
    });
    expect(unlimited.testRun.spec.runner.env.find((e) => e.name === 'HARNESS_MAX_CREDITS')?.value).toBe(
      'unlimited',
    );
  });
});
