// k6 docs (http.batch, options.discardResponseBodies): batch sends its requests in parallel
// and returns responses in order; with discardResponseBodies the body is null unless a
// request asks for responseType 'text'.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, discardResponseBodies: true, thresholds: { checks: ['rate==1'] } };

export default function () {
  const started = Date.now();
  const [a, b] = http.batch([
    ['GET', `${__ENV.BASE_URL}/slow?ms=400`],
    { method: 'GET', url: `${__ENV.BASE_URL}/json`, params: { responseType: 'text' } },
  ]);
  check(a, { 'batch in order, body discarded': (r) => r.status === 200 && r.body === null });
  check(b, { 'responseType text keeps the body': (r) => r.json('output.score') === 85 });
  // Sequential would be ≥ 400 ms + the second request; parallel is ~400 ms.
  check(Date.now() - started, { 'batch runs in parallel': (ms) => ms < 750 });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
