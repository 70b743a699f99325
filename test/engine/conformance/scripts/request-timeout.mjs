// k6 docs (http params.timeout, "Error codes"): a request that outlives its timeout has
// status 0, error "request timeout" and error_code 1050; a refused connection is 1212.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  const slow = http.get(`${__ENV.BASE_URL}/slow?ms=3000`, { timeout: '300ms', tags: { kind: 'timeout' } });
  check(slow, {
    'status 0': (r) => r.status === 0,
    'error_code 1050': (r) => r.error_code === 1050,
    'error says request timeout': (r) => r.error.includes('request timeout'),
  });
  const refused = http.get(`http://127.0.0.1:${__ENV.CLOSED_PORT}/`, { timeout: '2s' });
  check(refused, { 'refused is 1212': (r) => r.status === 0 && r.error_code === 1212 });
  const ok = http.get(`${__ENV.BASE_URL}/json`, { timeout: 2000 });
  check(ok, {
    'json works': (r) =>
      r.status === 200 && r.json('output.score') === 85 && r.json().conversationId === 'c-1',
    'headers are canonical': (r) => r.headers['Content-Type'] === 'application/json',
    'timings add up': (r) =>
      Math.abs(r.timings.duration - (r.timings.sending + r.timings.waiting + r.timings.receiving)) < 0.001,
  });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
