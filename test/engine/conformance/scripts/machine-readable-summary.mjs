// k6 v2.2.0 under --new-machine-readable-summary hands handleSummary its "1.0.0" format:
// snake_case metadata, the script text in config.script, no thresholds and no verdict,
// trends as avg/max/med/min/p90/p95 (null when not in summaryTrendStats), checks by name,
// compact mode (no checks, group_duration, http_req_* phases; a custom name starting with
// "checks" is left out too), sub-metrics that got samples listed like metrics.
import http from 'k6/http';
import { check, group } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const gauge = new Gauge('mrs_gauge');
const rate = new Rate('mrs_rate');
const trend = new Trend('mrs_trend', true);
const checksLike = new Counter('checks_custom');

export const options = {
  iterations: 2,
  summaryTrendStats: ['avg', 'p(99)', 'count', 'p(90)'],
  thresholds: { 'http_req_duration{kind:a}': ['p(95)<60000'], mrs_rate: ['rate>0'] },
};

export default function () {
  group('g1', () => {
    const res = http.get(`${__ENV.BASE_URL}/fast`, { tags: { kind: 'a' } });
    check(res, { ok: (r) => r.status === 200, 'always fails': () => false });
  });
  check(1, { ok: () => true });
  gauge.add(3);
  rate.add(true);
  trend.add(5);
  checksLike.add(1);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_OUT]: JSON.stringify(data) };
}
