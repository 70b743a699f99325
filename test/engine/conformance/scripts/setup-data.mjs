// k6 docs (test lifecycle): setup() runs once, its return value reaches every VU's default
// function and teardown() (a copy per VU: a VU's changes stay its own; teardown gets the original).
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
    // Each VU has its own copy: a property it sets persists across its iterations only.
    'object properties persist per VU': (d) => (d.seen ?? 0) === __ITER,
    // A k6 quirk no script should rely on: an array in setup data is re-read with its
    // original length, so push() has no lasting effect (an existing index written persists).
    'array push does not persist': (d) => d.list.length === 3 && d.list[0] === (__ITER === 0 ? 1 : 100),
  });
  data.seen = (data.seen ?? 0) + 1;
  data.list.push(__VU);
  data.list[0] = 100;
  http.get(`${__ENV.BASE_URL}/fast?phase=default&vu=${__VU}`);
}

export function teardown(data) {
  http.get(`${__ENV.BASE_URL}/fast?phase=teardown&token=${data.token}&vu=${__VU}`);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
