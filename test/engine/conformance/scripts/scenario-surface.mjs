// The k6 surface the project's scenarios (scenarios/*.ts, scenarios/lib/*) rely on, in one
// short run: two scenarios side by side dispatched on exec.scenario.name (constant-arrival-rate
// and per-vu-iterations), http.post with headers / tags / responseType / timeout /
// responseCallback (expectedStatuses with an extra status), http.asyncRequest, k6/timers in an
// async function, exec.scenario.iterationInTest, res.json() / timings / error_code, custom
// Trend (time) / Rate / Counter with tags, and thresholds filtered by those tags.
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import { setTimeout } from 'k6/timers';

const latency = new Trend('surface_latency', true);
const violations = new Rate('surface_violations');
const calls = new Counter('surface_calls');

export const options = {
  scenarios: {
    arrival: {
      executor: 'constant-arrival-rate',
      rate: 5,
      timeUnit: '1s',
      duration: '1s',
      preAllocatedVUs: 2,
      maxVUs: 4,
    },
    perVu: { executor: 'per-vu-iterations', vus: 2, iterations: 2, maxDuration: '10s' },
  },
  thresholds: {
    'http_req_duration{endpoint:execute}': ['p(95)<5000'],
    'http_reqs{endpoint:execute,workflow:fast}': ['count>=6'],
    'http_reqs{endpoint:poll}': ['count==4'],
    'surface_calls{class:answered}': ['count>=6'],
    'surface_calls{class:server_timeout}': ['count==4'],
    http_req_failed: ['rate==0'],
    surface_violations: ['rate==0'],
    checks: ['rate==1'],
  },
};

function params(endpoint, role, extra = {}) {
  return {
    headers: { 'Content-Type': 'application/json', 'x-api-key': 'not-a-secret' },
    tags: { endpoint, workflow: role },
    responseType: 'text',
    timeout: '2000ms',
    responseCallback: http.expectedStatuses({ min: 200, max: 299 }, 504),
    ...extra,
  };
}

function arrival() {
  const res = http.post(
    `${__ENV.BASE_URL}/json`,
    JSON.stringify({ i: exec.scenario.iterationInTest }),
    params('execute', 'fast'),
  );
  const ok = res.status === 200 && res.error_code === 0 && res.json('output.score') === 85;
  violations.add(!ok, { endpoint: 'execute' });
  latency.add(res.timings.duration, { endpoint: 'execute' });
  calls.add(1, { class: 'answered' });
  check(res, { 'answered with JSON': () => ok });
}

async function perVu() {
  const timeout = http.post(`${__ENV.BASE_URL}/status/504`, '{}', params('execute', 'slow'));
  calls.add(1, { class: timeout.status === 504 ? 'server_timeout' : 'other' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const poll = await http.asyncRequest('POST', `${__ENV.BASE_URL}/json`, '{}', params('poll', 'fast'));
  check(poll, {
    'asyncRequest resolves to a response': (r) => r.status === 200 && r.json().conversationId === 'c-1',
    'iterationInTest counts per scenario': () => exec.scenario.iterationInTest < 4,
  });
}

export default async function () {
  if (exec.scenario.name === 'arrival') arrival();
  else await perVu();
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
