// Load profiles: one table of executors, rates and durations per scenario, and the
// thresholds each profile enforces. The target profile's `thresholds` override by key.
import type { Options, Scenario } from 'k6/options';
import { ENV, type LoadProfileName, jsonEnv, syncLimitMs } from './env.js';

export type ScenarioName = 'sync-latency' | 'timeout-boundary' | 'background-polling' | 'mixed';
type Executors = Record<ScenarioName, Scenario>;

const arrival = (rate: number, duration: string, maxVUs: number): Scenario => ({
  executor: 'constant-arrival-rate',
  rate,
  timeUnit: '1s',
  duration,
  preAllocatedVUs: Math.min(maxVUs, Math.max(2, Math.ceil(rate / 4))),
  maxVUs,
});

// Functions, so only the profile in use is built: on k6 every VU evaluates this module, and each
// object literal here would otherwise exist once per VU for the whole run.
const TABLE: Record<LoadProfileName, () => Executors> = {
  // Seconds long: proves every path works (and is what the tests run, time-scaled).
  smoke: () => ({
    'sync-latency': arrival(10, '3s', 20),
    'timeout-boundary': { executor: 'shared-iterations', vus: 4, iterations: 8, maxDuration: '2m' },
    'background-polling': { executor: 'per-vu-iterations', vus: 4, iterations: 2, maxDuration: '2m' },
    mixed: { executor: 'constant-vus', vus: 3, duration: '4s' },
  }),
  load: () => ({
    'sync-latency': arrival(50, '2m', 200),
    'timeout-boundary': { executor: 'constant-vus', vus: 10, duration: '2m' },
    'background-polling': arrival(5, '2m', 400),
    mixed: { executor: 'constant-vus', vus: 20, duration: '5m' },
  }),
  stress: () => ({
    'sync-latency': {
      executor: 'ramping-arrival-rate',
      startRate: 10,
      timeUnit: '1s',
      preAllocatedVUs: 50,
      maxVUs: 1000,
      stages: [
        { target: 100, duration: '1m' },
        { target: 400, duration: '2m' },
        { target: 400, duration: '2m' },
        { target: 0, duration: '30s' },
      ],
    },
    'timeout-boundary': { executor: 'constant-vus', vus: 50, duration: '3m' },
    'background-polling': arrival(50, '3m', 2000),
    mixed: { executor: 'constant-vus', vus: 100, duration: '5m' },
  }),
  soak: () => ({
    'sync-latency': arrival(20, '1h', 200),
    'timeout-boundary': { executor: 'constant-vus', vus: 5, duration: '1h' },
    'background-polling': arrival(2, '1h', 400),
    mixed: { executor: 'constant-vus', vus: 30, duration: '2h' },
  }),
  nightly: () => ({
    'sync-latency': arrival(30, '10m', 200),
    'timeout-boundary': { executor: 'constant-vus', vus: 10, duration: '10m' },
    'background-polling': arrival(5, '10m', 600),
    mixed: { executor: 'constant-vus', vus: 20, duration: '20m' },
  }),
};

type Thresholds = NonNullable<Options['thresholds']>;

/** Thresholds of one scenario under the current profile, with the target's overrides applied. */
export function thresholds(name: ScenarioName): Thresholds {
  const limit = syncLimitMs();
  const strict = ENV.profile !== 'smoke';
  const syncP95 = Math.round(strict ? limit / 2 : limit);
  const own: Record<ScenarioName, Thresholds> = {
    'sync-latency': {
      'http_req_duration{endpoint:executeWorkflow,workflow:fast}': [`p(95)<${syncP95}`],
      'http_req_failed{scenario:sync-latency}': ['rate<0.01'],
    },
    'timeout-boundary': {
      // A timeout answer is documented behaviour; an unanswered call is not.
      client_timeouts: ['rate<0.05'],
    },
    'background-polling': {
      'http_req_duration{endpoint:executeWorkflowBackground}': ['p(95)<1000'],
      'http_req_duration{endpoint:getConversationById}': ['p(95)<1000'],
      executions_completed: ['rate>0.99'],
      time_to_completion: [`p(95)<${Math.round(ENV.polling.budgetMs)}`],
    },
    mixed: {
      'http_req_duration{endpoint:executeWorkflow,workflow:fast}': [`p(95)<${syncP95}`],
      'http_req_failed{scenario:mixed}': ['rate<0.01'],
      'executions_completed{scenario:mixed}': ['rate>0.99'],
    },
  };
  // A violation is a defect, not noise: stop early instead of loading a broken deployment.
  // And a run in which no request was ever answered (a hanging target) must not pass silently.
  const base: Thresholds = {
    contract_violations: [{ threshold: 'rate==0', abortOnFail: true, delayAbortEval: '1s' }],
    http_reqs: ['count>0'],
    ...own[name],
  };
  return { ...base, ...(ENV.target.thresholds ?? {}) };
}

/** HARNESS_EXECUTOR (JSON) replaces a scenario's executor, e.g. a fixed VU count for a benchmark. */
function executor(name: ScenarioName): Scenario {
  return jsonEnv<Scenario>('HARNESS_EXECUTOR') ?? TABLE[ENV.profile]()[name];
}

/** `options` of one scenario (its executor named after it) under the current profile. */
export function scenarioOptions(name: ScenarioName): Options {
  return { scenarios: { [name]: executor(name) }, thresholds: thresholds(name) };
}

/** Several scenarios in one script: executors side by side, thresholds merged. */
export function combinedOptions(names: readonly ScenarioName[]): Options {
  const scenarios: Record<string, Scenario> = {};
  let merged: Thresholds = {};
  for (const name of names) {
    scenarios[name] = executor(name);
    merged = { ...merged, ...thresholds(name) };
  }
  return { scenarios, thresholds: merged };
}
