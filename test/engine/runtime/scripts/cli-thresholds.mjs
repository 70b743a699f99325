// A failing threshold (5xx responses) plus a summary file, for the CLI test.
import http from 'k6/http';
import { check, group } from 'k6';
import { Trend } from 'k6/metrics';

const latency = new Trend('cli_latency', true);

export const options = {
  iterations: 3,
  tags: { suite: 'cli' },
  thresholds: { http_req_failed: ['rate==0'], cli_latency: ['p(95)<60000'] },
};

export default function () {
  group('calls', () => {
    const r = http.get(`${__ENV.BASE_URL}/status/500`, { headers: { 'x-api-key': __ENV.SECRET_KEY } });
    check(r, { 'is 500': (x) => x.status === 500 });
    latency.add(r.timings.duration, { endpoint: 'status' });
  });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data), stdout: `summary version ${data.version}\n` };
}
