// How a scenario learns its target: only through __ENV, which k6 fills from `-e K=V` and
// from the process environment (where the harness puts the key: never on argv).
import type { Polling, TargetProfile, Workflow } from '../../src/types/generated/target-profile.js';
import type { LoadProfileName } from './executors.js';

export type { LoadProfileName } from './executors.js';
export type WorkflowRole = 'fast' | 'slow' | 'conversational';

export interface ScenarioEnv {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly target: TargetProfile;
  readonly profile: LoadProfileName;
  /**
   * The embedded reference's time scale, recorded only: a target profile states its durations,
   * sync limit and polling policy as the deployment applies them (the reference's are scaled).
   */
  readonly timeScale: number;
  readonly polling: Required<Polling>;
  /** False only for benchmarks that measure what validation costs. */
  readonly validate: boolean;
  /** Tag completion samples with their conversationId so the harness can compare with ground truth. */
  readonly traceConversations: boolean;
}

/** The docs' own example, for `k6 run dist/scenarios/x.js -e BASE_URL=…` without a target profile. */
const DOCS_TARGET: TargetProfile = {
  name: 'docs-example',
  baseUrl: 'http://127.0.0.1:8080',
  apiKeyEnv: 'HARNESS_API_KEY',
  workflows: {
    fast: {
      workflowId: '12345',
      version: 1,
      sampleInput: { 'First Name': 'John', Age: 30 },
      inputComponents: {},
      outputComponents: {},
    },
  },
};
const PROFILES: readonly LoadProfileName[] = ['smoke', 'load', 'stress', 'soak', 'nightly'];

function fail(message: string): never {
  throw new Error(`HARNESS_ERR_SCENARIO_ENV: ${message}`);
}

/** JSON from an __ENV variable, failing at init (before any VU runs) with the variable's name. */
export function jsonEnv<T>(name: string): T | undefined {
  const raw = __ENV[name];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fail(`${name} is not valid JSON`);
  }
}

/**
 * Without trailing slashes. A loop, not `replace(/\/+$/, '')`: on k6 every VU would build its own
 * compiled regular expression at init (≈ 24 KB per VU, measured), for one use.
 */
export function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--; // 47 = '/'
  return url.slice(0, end);
}

function readEnv(): ScenarioEnv {
  const target = jsonEnv<TargetProfile>('HARNESS_TARGET') ?? DOCS_TARGET;
  const keyVar = __ENV.API_KEY_ENV || target.apiKeyEnv || 'HARNESS_API_KEY';
  const profile = (__ENV.HARNESS_PROFILE || 'smoke') as LoadProfileName;
  if (!PROFILES.includes(profile)) fail(`HARNESS_PROFILE=${profile} is not one of ${PROFILES.join('|')}`);
  const timeScale = Number(__ENV.HARNESS_TIME_SCALE || '1');
  if (!(timeScale > 0 && timeScale <= 1))
    fail(`HARNESS_TIME_SCALE=${__ENV.HARNESS_TIME_SCALE} must be in (0, 1]`);
  const polling = { ...target.polling, ...jsonEnv<Polling>('HARNESS_POLLING') };
  return {
    baseUrl: trimSlashes(__ENV.BASE_URL || target.baseUrl),
    apiKey: __ENV[keyVar] || '',
    target,
    profile,
    timeScale,
    polling: {
      initialIntervalMs: polling.initialIntervalMs ?? 100,
      backoff: polling.backoff ?? 1.5,
      maxIntervalMs: polling.maxIntervalMs ?? 2000,
      budgetMs: polling.budgetMs ?? 120000,
    },
    validate: __ENV.HARNESS_VALIDATE !== '0',
    traceConversations: __ENV.HARNESS_TRACE_CONVERSATIONS === '1',
  };
}

/** Read once per VU at init: every module-level use sees the same frozen value. */
export const ENV: ScenarioEnv = readEnv();

export function workflow(role: WorkflowRole): Workflow {
  return ENV.target.workflows[role] ?? ENV.target.workflows.fast;
}

/** The sync limit as the deployment applies it (the docs advise background beyond 30 s). */
export function syncLimitMs(): number {
  return ENV.target.syncLimit?.limitMs ?? 30000;
}
