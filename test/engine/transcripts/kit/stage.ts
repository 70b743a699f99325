import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { scenarioEnv } from '../../../../src/load/scenario-env.js';
import { startEmbedded } from '../../../../src/target/index.js';
import { startLatencyServer } from '../../../fixtures/latency-server.js';
import { startLoopbackServer } from '../../conformance/loopback-server.js';
import type { SubjectKind } from './subjects.js';

/**
 * Scenario bundles: the embedded reference at a fast time scale and a fixed seed, the smoke
 * profile's thresholds, and every scenario on a tiny fixed-count executor (HARNESS_EXECUTOR,
 * the env knob `harness load` offers): a count k6 and the local engine must match exactly.
 * The smoke profile's own constant-vus runs vary by a third between two k6 runs; the
 * executors' timing is what the conformance scripts record.
 */
export const REFERENCE = {
  timeScale: 0.02,
  seed: 11,
  loadProfile: 'smoke',
  // 48 iterations: `mixed` picks sync / conversation / background at random (15 % background),
  // so every kind of metric appears in a run but once in ~2,500.
  executor: { executor: 'per-vu-iterations', vus: 8, iterations: 6, maxDuration: '60s' },
} as const;

/** What a run talks to: its env, the live values to write as placeholders, and how to stop it. */
export interface Stage {
  /** __ENV for the script (conformance: passed with -e; scenarios: the child's environment). */
  readonly env: Record<string, string>;
  /** Placeholder name → this run's value (ports, paths, the key), so runs compare and no key is kept. */
  readonly vars: Record<string, string>;
  close(): Promise<void>;
}

/** Forwards each request to the server its path belongs to (`/api/*`: the latency server). */
function startFront(pick: (path: string) => string): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      new URL(req.url ?? '/', pick(req.url ?? '/')),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

/**
 * Conformance scripts get the conformance loopback server, plus `/api/fast` and `/api/slow`
 * (~300 ms) of the latency server that the threshold scripts use, behind one base URL.
 * The script writes handleSummary's data to SUMMARY_FILE / SUMMARY_OUT (both conventions exist).
 */
async function conformanceStage(workDir: string): Promise<Stage> {
  const loopback = await startLoopbackServer();
  const latency = await startLatencyServer({ fast: { base: 0, jitter: 0 }, slow: { base: 300, jitter: 20 } });
  const front = await startFront((path) => (path.startsWith('/api/') ? latency.url : loopback.baseUrl));
  const summary = join(workDir, 'summary.json');
  return {
    env: {
      BASE_URL: front.url,
      CLOSED_PORT: String(loopback.closedPort),
      SUMMARY_FILE: summary,
      SUMMARY_OUT: summary,
    },
    vars: {
      BASE_URL: front.url,
      BASE_HOST: new URL(front.url).host, // also inside ws:// URLs
      CLOSED_PORT: String(loopback.closedPort),
      CLOSED_ADDRESS: `127.0.0.1:${loopback.closedPort}`, // inside k6's error messages
      WORK: workDir,
    },
    close: async () => {
      front.server.closeAllConnections();
      await new Promise((resolve) => front.server.close(resolve));
      await Promise.all([loopback.close(), latency.close()]);
    },
  };
}

/** Scenario bundles get the embedded reference and the __ENV `harness load` gives them. */
async function scenarioStage(workDir: string): Promise<Stage> {
  const target = await startEmbedded({ timeScale: REFERENCE.timeScale, faults: [], seed: REFERENCE.seed });
  const env: Record<string, string> = scenarioEnv({
    profile: target.profile,
    apiKey: target.keys.main,
    loadProfile: REFERENCE.loadProfile,
    timeScale: REFERENCE.timeScale,
    embedded: true,
    summaryOut: join(workDir, 'summary.json'),
  });
  env.HARNESS_EXECUTOR = JSON.stringify(REFERENCE.executor);
  return {
    env,
    vars: {
      BASE_URL: target.profile.baseUrl,
      BASE_HOST: new URL(target.profile.baseUrl).host,
      API_KEY: target.keys.main,
      WORK: workDir,
    },
    close: () => target.stop(),
  };
}

export function startStage(kind: SubjectKind, workDir: string): Promise<Stage> {
  return kind === 'scenario' ? scenarioStage(workDir) : conformanceStage(workDir);
}
