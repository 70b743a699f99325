import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ConfigMap,
  type TestRun,
  SCRIPT_MOUNT,
  distribute,
  runnerCommand,
} from '../../src/distribute/index.js';
import { startEmbedded } from '../../src/target/index.js';
import { runCli } from '../fixtures/run-cli.js';
import { distributeOptions, writtenObjects } from './fixture.js';
import { exited, expand, freePort, podEnv, until } from './local-pod.js';

// The final proof without a cluster: the TestRun's runners, run here with real k6 exactly as
// k6-operator would start them — its command line for runner i (runnerCommand), the ConfigMap's
// data as the /test volume, the env as the kubelet resolves it (secretKeyRef from a "Secret",
// POD_NAME from the downward API), the claim's subPathExpr folder, paused and then resumed
// together over k6's REST API as the operator's starter does — against the embedded reference on
// loopback. Only the places are local: /test/ and the mount path become temp folders, the REST
// address 0.0.0.0:6565 a free loopback port. Then `harness merge` of the two folders, as step 5 of
// README "Running at scale". Skipped without K6_BIN (CI has no k6).
const k6 = process.env.K6_BIN;
const work = mkdtempSync(join(tmpdir(), 'distribute-k6-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(k6 === undefined || k6 === '')(
  'the TestRun’s runners on real k6 (K6_BIN; skipped without)',
  () => {
    it(
      '2 runners run their segments of the plan, each leaves its shard folder, and harness merge makes one run of them',
      { timeout: 180_000 },
      async () => {
        const target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 11 });
        try {
          const d = await distribute(
            distributeOptions({ profile: target.profile, parallelism: 2, outDir: join(work, 'manifests') }),
          );
          const objects = writtenObjects(d);
          const testRun = objects.testRun as TestRun;
          const configMap = objects.configMap as ConfigMap;
          // The ConfigMap volume the operator mounts at /test/.
          const scripts = join(work, 'test');
          mkdirSync(scripts);
          for (const [file, code] of Object.entries(configMap.data)) writeFileSync(join(scripts, file), code);
          const claim = join(work, 'claim');
          const secret = testRun.spec.runner.env.find(
            (e) => e.valueFrom !== undefined && 'secretKeyRef' in e.valueFrom,
          );
          expect(secret).toBeDefined();
          const secrets = { 'harness-api-key': { HARNESS_API_KEY: target.keys.main } };
          const mount = testRun.spec.runner.volumeMounts?.[0];
          if (mount === undefined) throw new Error('no results mount');
          const runners = await Promise.all(
            [1, 2].map(async (i) => {
              const pod = `${testRun.metadata.name}-${i}-x7k2q`;
              const env = podEnv(testRun.spec.runner.env, pod, secrets);
              const folder = join(claim, expand(mount.subPathExpr, env));
              mkdirSync(folder, { recursive: true }); // the kubelet creates the subPathExpr folder
              const local = (a: string): string =>
                a
                  .replaceAll(`${mount.mountPath}/`, `${folder}/`)
                  .replace(new RegExp(`^${SCRIPT_MOUNT}`), `${scripts}/`);
              const port = await freePort();
              const argv = runnerCommand(testRun, i).map((a) =>
                a === '--address=0.0.0.0:6565' ? `--address=127.0.0.1:${port}` : local(a),
              );
              expect(argv[0]).toBe('k6');
              const childEnv = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, local(v)]));
              const child = spawn(k6 ?? 'k6', argv.slice(1), {
                env: { PATH: process.env.PATH ?? '', HOME: work, ...childEnv },
                stdio: ['ignore', 'pipe', 'pipe'],
              });
              let output = '';
              child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
              child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
              const api = `http://127.0.0.1:${port}/v1/status`;
              return { i, folder, child, api, done: exited(child, 150_000), output: () => output };
            }),
          );
          // Every runner waits, paused, until its REST API answers; then all are resumed (the starter).
          for (const r of runners)
            await until(
              `runner ${r.i}'s REST API`,
              async () => ((await fetch(r.api)).ok ? true : undefined),
              30_000,
            );
          for (const r of runners) {
            const res = await fetch(r.api, {
              method: 'PATCH',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                data: { type: 'status', id: 'default', attributes: { paused: false } },
              }),
            });
            expect(res.ok).toBe(true);
          }
          const codes = await Promise.all(runners.map((r) => r.done));
          expect(codes, runners.map((r) => r.output()).join('\n')).toEqual([0, 0]);

          const iterations: number[] = [];
          for (const r of runners) {
            const files = readdirSync(r.folder).sort();
            expect(files).toEqual(['samples.json.gz', 'shard.json', 'summary-data.json']);
            const summary = JSON.parse(readFileSync(join(r.folder, 'summary-data.json'), 'utf8')) as {
              metrics: Record<string, { values: Record<string, number> }>;
            };
            const count = summary.metrics.iterations?.values.count ?? 0;
            iterations.push(count);
            const points = gunzipSync(readFileSync(join(r.folder, 'samples.json.gz')))
              .toString('utf8')
              .split('\n')
              .filter((l) => l.includes('"type":"Point"'))
              .map((l) => JSON.parse(l) as { metric: string; data: { tags?: Record<string, string> } });
            const its = points.filter((p) => p.metric === 'iterations');
            expect(its.length).toBe(count);
            expect(new Set(its.map((p) => p.data.tags?.instance_id))).toEqual(new Set([String(r.i)]));
            // The segment k6 saw is the one the operator's flags gave this runner.
            const shard = JSON.parse(readFileSync(join(r.folder, 'shard.json'), 'utf8')) as Record<
              string,
              unknown
            >;
            expect(shard).toMatchObject({
              schemaVersion: 1,
              testId: d.testId,
              scenario: 'sync-latency',
              segment: r.i === 1 ? '0:1/2' : '1/2:1',
            });
          }
          // Each runner did its half of the plan (10 iterations/s for 3 s = 30), together the whole;
          // k6's arrival-rate executor may start one more iteration at the very end of its duration.
          for (const n of iterations) expect(Math.abs(n - 15)).toBeLessThanOrEqual(1);
          expect(Math.abs((iterations[0] ?? 0) + (iterations[1] ?? 0) - 30)).toBeLessThanOrEqual(1);
          expect(readdirSync(join(claim, d.testId)).sort()).toEqual(
            runners.map((r) => `${testRun.metadata.name}-${r.i}-x7k2q`),
          );

          // Step 5 of the walkthrough: `harness merge <claim>/<test id>/*` gives one run, one verdict.
          const reports = join(work, 'reports');
          const merged = await runCli(
            ['merge', ...runners.map((r) => r.folder), '--reports-dir', reports, '--no-report'],
            {},
          );
          expect(merged.code, merged.stdout + merged.stderr).toBe(0);
          const runId = readdirSync(reports).find((f) => f !== 'latest') ?? '';
          const summary = JSON.parse(readFileSync(join(reports, runId, 'load-summary.json'), 'utf8')) as {
            metrics: { name: string; values: Record<string, number> }[];
          };
          const total = summary.metrics.find((m) => m.name === 'iterations')?.values.count;
          expect(total).toBe((iterations[0] ?? 0) + (iterations[1] ?? 0));
        } finally {
          await target.stop();
        }
      },
    );
  },
);
