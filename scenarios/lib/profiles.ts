// Load profiles: one table of executors, rates and durations per scenario, and the
// thresholds each profile enforces. The target profile's `thresholds` override by key.
import type { Options, Scenario } from 'k6/options';
import { withBudget } from './budget.js';
import { ENV, jsonEnv, syncLimitMs } from './env.js';
import { EXECUTORS, type ScenarioName } from './executors.js';

export type { ScenarioName } from './executors.js';

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
  return withBudget({ ...base, ...(ENV.target.thresholds ?? {}) });
}

/** HARNESS_EXECUTOR (JSON) replaces a scenario's executor, e.g. a fixed VU count for a benchmark. */
function executor(name: ScenarioName): Scenario {
  return jsonEnv<Scenario>('HARNESS_EXECUTOR') ?? EXECUTORS[ENV.profile][name];
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
