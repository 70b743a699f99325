// k6 v2.2.0 on a refused connection: status 0, error "dial: connection refused", error_code
// 1212, every timing 0 and nothing sent (data_sent 0); the samples' error tag has the same
// wording; `http.get(url, null)` takes null params.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: {
    'http_reqs{error:dial: connection refused}': ['count==1'],
    'http_reqs{error_code:1212}': ['count==1'],
  },
};

export default function () {
  const r = http.get(`http://127.0.0.1:${__ENV.CLOSED_PORT}/`, null);
  check(r, {
    'status 0, 1212': (x) => x.status === 0 && x.error_code === 1212,
    "k6's wording": (x) => x.error === 'dial: connection refused',
    'timings all 0': (x) => Object.values(x.timings).every((v) => v === 0),
    'body null': (x) => x.body === null,
  });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
