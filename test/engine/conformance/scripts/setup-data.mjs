// k6 docs (test lifecycle): setup() runs once, its return value reaches every VU's default
// function and teardown() (as a JSON copy: a VU's changes stay its own).
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  scenarios: { lifecycle: { executor: 'per-vu-iterations', vus: 2, iterations: 2 } },
  thresholds: { checks: ['rate==1'] },
};

export function setup() {
  http.get(`${__ENV.BASE_URL}/fast?phase=setup&vu=${__VU}`);
  return { token: 'setup-token', list: [1, 2, 3], nested: { n: 7 } };
}

export default function (data) {
  check(data, {
    'setup data arrives': (d) => d.token === 'setup-token' && d.nested.n === 7,
    'a VU sees only its own changes': (d) => d.list.length === 3 + __ITER,
  });
  data.list.push(__VU);
  http.get(`${__ENV.BASE_URL}/fast?phase=default&vu=${__VU}`);
}

export function teardown(data) {
  http.get(`${__ENV.BASE_URL}/fast?phase=teardown&token=${data.token}&vu=${__VU}`);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
